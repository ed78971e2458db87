import type {AddonService} from '../../lib/api/types.js'
import {BaseCommand} from '../../lib/base-command.js'
import {renderTable} from '../../lib/output/table.js'

export default class AddonsServices extends BaseCommand {
  static description = 'list the add-on services the platform offers'
  static enableJsonFlag = true
  static examples = ['<%= config.bin %> <%= command.id %>', '<%= config.bin %> <%= command.id %> --json']

  async run(): Promise<AddonService[]> {
    await this.parse(AddonsServices)
    const services = await this.deps.api.list<AddonService>('/addon-services')
    if (!this.jsonEnabled()) {
      this.log(
        renderTable<AddonService>(
          [
            {header: 'Slug', get: (s) => s.name},
            {header: 'Name', get: (s) => s.human_name},
            {header: 'State', get: (s) => s.state},
          ],
          services,
        ),
      )
    }
    return services
  }
}
