import AddonsUpgrade from './upgrade.js'

export default class AddonsDowngrade extends AddonsUpgrade {
  static description = "change an add-on's plan (to a smaller one)"
  static examples = [
    '<%= config.bin %> <%= command.id %> important-redis mini',
    '<%= config.bin %> <%= command.id %> REDIS redis:mini --app example-app',
  ]
  // oclif's parser copies only a command's own statics, so the inherited ones are restated
  static args = AddonsUpgrade.args
  static flags = AddonsUpgrade.flags
}
