import type {BuiltinService, ServiceContext} from './builtin-service.js'
import type {BuiltinServiceId} from './service-ids.js'

export type ServiceFactory = (context: ServiceContext) => BuiltinService

// Each service loads on demand: provider:serve kv has no use for the redis and PostgreSQL clients.
export async function loadServiceFactory(id: BuiltinServiceId): Promise<ServiceFactory> {
  switch (id) {
    case 'kv':
      return (await import('../kv/service.js')).createKvService
    case 'redis':
      return (await import('../redis/service.js')).createRedisService
    case 'postgresql':
      return (await import('../postgresql/service.js')).createPostgresService
    case 'logbook':
      return (await import('../logbook/service.js')).createLogbookService
  }
}
