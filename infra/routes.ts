/**
 * The one route table. The CDK stack builds one Lambda function per entry and one API Gateway
 * route per `routes` line; the local server mounts the same handlers from the same lines.
 * A route key is written exactly as API Gateway HTTP APIs write it: `METHOD /path/{param}`.
 */
export interface FunctionRoutes {
  /** Short name, used for the Lambda function's construct id. */
  name: string;
  /** Handler module, relative to the repository root; it exports `handler`. */
  entry: string;
  /** What the function is for, shown in the AWS console. */
  description: string;
  routes: string[];
  /** Lambda memory in MB; imports and exports need more than plain reads. */
  memoryMb?: number;
  timeoutSeconds?: number;
}

const crud = (resource: string): string[] => [
  `GET /api/${resource}`,
  `POST /api/${resource}`,
  `GET /api/${resource}/{id}`,
  `PUT /api/${resource}/{id}`,
  `DELETE /api/${resource}/{id}`,
];

export const functionRoutes: FunctionRoutes[] = [
  {
    name: 'health',
    entry: 'functions/health/handler.ts',
    description: 'Liveness check of the API and its table',
    routes: ['GET /api/health'],
  },
  {
    name: 'auth',
    entry: 'functions/auth/handler.ts',
    description: 'Sign-in, sign-out, the current user and password changes',
    routes: [
      'POST /api/auth/login',
      'POST /api/auth/logout',
      'GET /api/auth/me',
      'POST /api/auth/password',
    ],
    // scrypt needs memory and CPU; Lambda gives CPU in proportion to memory.
    memoryMb: 1024,
  },
  {
    name: 'access',
    entry: 'functions/access/handler.ts',
    description: 'Users of each account and the audit trail',
    routes: [
      ...crud('users'),
      'POST /api/users/{id}/password',
      'GET /api/audit-events',
      'GET /api/audit-events/{id}',
    ],
    memoryMb: 1024,
  },
  {
    name: 'register',
    entry: 'functions/register/handler.ts',
    description: 'Administrative units, accounts and the household register',
    routes: [
      ...crud('units'),
      ...crud('accounts'),
      ...crud('households'),
      'POST /api/households/import',
      'GET /api/stats/register',
    ],
    memoryMb: 1024,
    timeoutSeconds: 29,
  },
];

/** Every route key of the table, in order. */
export const allRouteKeys = (): string[] => functionRoutes.flatMap((f) => f.routes);
