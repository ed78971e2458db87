import type {AddonsService} from '../services/addons.js'
import type {AppsService} from '../services/apps.js'
import type {ConfigVarsService} from '../services/config-vars.js'
import type {ServiceContext} from '../services/context.js'
import {AppSetupJobHandler} from './job.js'
import {AppSetupsService} from './service.js'

// App setups: an app built from the app.json in a source tarball, as Heroku's POST /app-setups does.
// service.ts takes the request (creates the app, queues the job), job.ts does the work step by step
// and rolls a failed setup back, source.ts fetches the tarball (wire/source-tarball.ts reads app.json
// out of it, wire/app-json.ts checks it), view.ts answers Heroku's shape, routes.ts is the API and
// migration.ts the table.
export interface AppSetups {
  service: AppSetupsService
  // the job handler the worker runs
  job: AppSetupJobHandler
}

export function createAppSetups(ctx: ServiceContext, apps: AppsService, addons: AddonsService, configVars: ConfigVarsService): AppSetups {
  return {service: new AppSetupsService(ctx, apps), job: new AppSetupJobHandler(ctx, apps, addons, configVars)}
}
