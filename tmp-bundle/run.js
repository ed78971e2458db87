import {createRequire as __cr} from 'node:module'; import {dirname as __dn} from 'node:path'; const require = __cr(import.meta.url); const __filename = require.resolve('@oclif/core'); const __dirname = __dn(__filename);
import {
  require_lib
} from "./chunk-7N4K2NZY.js";
import "./chunk-NADHVINK.js";
import {
  __toESM
} from "./chunk-KUKDZJ4Q.js";

// ../../work/main/tmp-entry.mjs
var import_core = __toESM(require_lib(), 1);
var export_execute = import_core.execute;
export {
  export_execute as execute
};
