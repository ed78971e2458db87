import {execute} from './tmp-bundle/run.js'
await execute({dir: import.meta.url})
