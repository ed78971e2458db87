import {createRequire as __cr} from 'node:module'; import {dirname as __dn} from 'node:path'; const require = __cr(import.meta.url); const __filename = require.resolve('@oclif/core'); const __dirname = __dn(__filename);
import {
  init_is_wsl,
  is_wsl_default
} from "./chunk-NETM34S2.js";
import {
  __esm
} from "./chunk-KUKDZJ4Q.js";

// ../../work/main/node_modules/powershell-utils/index.js
import process from "node:process";
import { Buffer } from "node:buffer";
import { promisify } from "node:util";
import childProcess from "node:child_process";
var execFile, powerShellPath, executePowerShell;
var init_powershell_utils = __esm({
  "../../work/main/node_modules/powershell-utils/index.js"() {
    execFile = promisify(childProcess.execFile);
    powerShellPath = () => `${process.env.SYSTEMROOT || process.env.windir || String.raw`C:\Windows`}\\System32\\WindowsPowerShell\\v1.0\\powershell.exe`;
    executePowerShell = async (command, options = {}) => {
      const {
        powerShellPath: psPath,
        ...execFileOptions
      } = options;
      const encodedCommand = executePowerShell.encodeCommand(command);
      return execFile(
        psPath ?? powerShellPath(),
        [
          ...executePowerShell.argumentsPrefix,
          encodedCommand
        ],
        {
          encoding: "utf8",
          ...execFileOptions
        }
      );
    };
    executePowerShell.argumentsPrefix = [
      "-NoProfile",
      "-NonInteractive",
      "-ExecutionPolicy",
      "Bypass",
      "-EncodedCommand"
    ];
    executePowerShell.encodeCommand = (command) => Buffer.from(command, "utf16le").toString("base64");
    executePowerShell.escapeArgument = (value) => `'${String(value).replaceAll("'", "''")}'`;
  }
});

// ../../work/main/node_modules/wsl-utils/utilities.js
function parseMountPointFromConfig(content) {
  for (const line of content.split("\n")) {
    if (/^\s*#/.test(line)) {
      continue;
    }
    const match = /^\s*root\s*=\s*(?<mountPoint>"[^"]*"|'[^']*'|[^#]*)/.exec(line);
    if (!match) {
      continue;
    }
    return match.groups.mountPoint.trim().replaceAll(/^["']|["']$/g, "");
  }
}
var init_utilities = __esm({
  "../../work/main/node_modules/wsl-utils/utilities.js"() {
  }
});

// ../../work/main/node_modules/wsl-utils/index.js
import { promisify as promisify2 } from "node:util";
import childProcess2 from "node:child_process";
import fs, { constants as fsConstants } from "node:fs/promises";
var execFile2, wslDrivesMountPoint, powerShellPathFromWsl, powerShellPath2, canAccessPowerShellPromise, canAccessPowerShell, wslDefaultBrowser, isUrl, convertWslPathToWindows, isUncPath, isPathOnWindowsFilesystem, convertWindowsPathToWsl;
var init_wsl_utils = __esm({
  "../../work/main/node_modules/wsl-utils/index.js"() {
    init_is_wsl();
    init_powershell_utils();
    init_utilities();
    init_is_wsl();
    execFile2 = promisify2(childProcess2.execFile);
    wslDrivesMountPoint = /* @__PURE__ */ (() => {
      const defaultMountPoint = "/mnt/";
      let mountPoint;
      return async function() {
        if (mountPoint) {
          return mountPoint;
        }
        const configFilePath = "/etc/wsl.conf";
        let isConfigFileExists = false;
        try {
          await fs.access(configFilePath, fsConstants.F_OK);
          isConfigFileExists = true;
        } catch {
        }
        if (!isConfigFileExists) {
          return defaultMountPoint;
        }
        const configContent = await fs.readFile(configFilePath, { encoding: "utf8" });
        const parsedMountPoint = parseMountPointFromConfig(configContent);
        if (parsedMountPoint === void 0) {
          return defaultMountPoint;
        }
        mountPoint = parsedMountPoint;
        mountPoint = mountPoint.endsWith("/") ? mountPoint : `${mountPoint}/`;
        return mountPoint;
      };
    })();
    powerShellPathFromWsl = async () => {
      const mountPoint = await wslDrivesMountPoint();
      return `${mountPoint}c/Windows/System32/WindowsPowerShell/v1.0/powershell.exe`;
    };
    powerShellPath2 = is_wsl_default ? powerShellPathFromWsl : powerShellPath;
    canAccessPowerShell = async () => {
      canAccessPowerShellPromise ??= (async () => {
        try {
          const psPath = await powerShellPath2();
          await fs.access(psPath, fsConstants.X_OK);
          return true;
        } catch {
          return false;
        }
      })();
      return canAccessPowerShellPromise;
    };
    wslDefaultBrowser = async () => {
      const psPath = await powerShellPath2();
      const command = String.raw`(Get-ItemProperty -Path "HKCU:\Software\Microsoft\Windows\Shell\Associations\UrlAssociations\http\UserChoice").ProgId`;
      const { stdout } = await executePowerShell(command, { powerShellPath: psPath });
      return stdout.trim();
    };
    isUrl = (path) => /^[a-z]+:\/\//i.test(path);
    convertWslPathToWindows = async (paths) => {
      const isBatch = Array.isArray(paths);
      const pathArray = isBatch ? paths : [paths];
      const indicesToConvert = [];
      const pathsToConvert = [];
      for (const [index, path] of pathArray.entries()) {
        if (!isUrl(path)) {
          indicesToConvert.push(index);
          pathsToConvert.push(path);
        }
      }
      const results = [...pathArray];
      if (pathsToConvert.length > 0) {
        try {
          const { stdout } = await execFile2("wslpath", ["-aw", ...pathsToConvert], { encoding: "utf8" });
          const convertedPaths = stdout.split(/\r?\n/).filter(Boolean);
          for (const [index, originalIndex] of indicesToConvert.entries()) {
            results[originalIndex] = convertedPaths[index] ?? pathArray[originalIndex];
          }
        } catch {
        }
      }
      return isBatch ? results : results[0];
    };
    isUncPath = (path) => /^\\\\/u.test(path);
    isPathOnWindowsFilesystem = async (path) => {
      const windowsPath = await convertWslPathToWindows(path);
      return !isUncPath(windowsPath);
    };
    convertWindowsPathToWsl = async (paths) => {
      const isBatch = Array.isArray(paths);
      const pathArray = isBatch ? paths : [paths];
      try {
        const { stdout } = await execFile2("wslpath", ["-u", ...pathArray], { encoding: "utf8" });
        const convertedPaths = stdout.split(/\r?\n/).filter(Boolean);
        const results = pathArray.map((original, index) => convertedPaths[index] ?? original);
        return isBatch ? results : results[0];
      } catch {
        return isBatch ? pathArray : pathArray[0];
      }
    };
  }
});
init_wsl_utils();
export {
  canAccessPowerShell,
  convertWindowsPathToWsl,
  convertWslPathToWindows,
  isPathOnWindowsFilesystem,
  isUncPath,
  is_wsl_default as isWsl,
  powerShellPath2 as powerShellPath,
  powerShellPathFromWsl,
  wslDefaultBrowser,
  wslDrivesMountPoint
};
