import { functionRoutes } from '../routes';

const decodePath = (segment: string): string => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
};

interface CompiledRoute {
  routeKey: string;
  method: string;
  pattern: RegExp;
  params: string[];
  entry: string;
  literalSegments: number;
}

const compile = (routeKey: string, entry: string): CompiledRoute => {
  const [method, path] = routeKey.split(' ');
  const params: string[] = [];
  const segments = path.split('/').filter(Boolean);
  const source = segments
    .map((segment) => {
      const param = /^\{(\w+)\}$/.exec(segment);
      if (!param) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      params.push(param[1]);

      return '([^/]+)';
    })
    .join('/');

  return {
    routeKey,
    method,
    pattern: new RegExp(`^/${source}/?$`),
    params,
    entry,
    literalSegments: segments.length - params.length,
  };
};

/**
 * Matches requests against the route table as API Gateway does: a literal segment wins over a
 * parameter (`/api/households/import` before `/api/households/{id}`).
 */
export const compiledRoutes = functionRoutes
  .flatMap((fn) => fn.routes.map((routeKey) => compile(routeKey, fn.entry)))
  .sort((a, b) => b.literalSegments - a.literalSegments);

export const matchRoute = (method: string, path: string) => {
  for (const route of compiledRoutes) {
    if (route.method !== method) continue;
    const match = route.pattern.exec(path);
    if (!match) continue;

    const pathParameters = Object.fromEntries(
      route.params.map((name, i) => [name, decodePath(match[i + 1])]),
    );

    return { route, pathParameters: route.params.length ? pathParameters : undefined };
  }

  return undefined;
};
