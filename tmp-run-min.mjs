import {execute} from './tmp-bundle-min/run.js'
await execute({dir: import.meta.url})
