export {execute} from '@oclif/core'
