import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import type { APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { isLookupPath, LOOKUP_FRAME_ANCESTORS, LOOKUP_HTML } from '../lookup-page';
import { toApiGatewayEvent } from './event';
import { matchRoute } from './router';

type Handler = (event: unknown, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

const ROOT = resolve(import.meta.dirname, '../..');
const MAX_BODY = 10 * 1024 * 1024; // API Gateway's own limit on a request body

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

const handlers = new Map<string, Promise<Handler>>();
const loadHandler = (entry: string): Promise<Handler> => {
  if (!handlers.has(entry)) {
    handlers.set(
      entry,
      import(join(ROOT, entry)).then((module) => module.handler as Handler),
    );
  }

  return handlers.get(entry) as Promise<Handler>;
};

const lambdaContext = (name: string): Context =>
  ({
    functionName: name,
    awsRequestId: crypto.randomUUID(),
    getRemainingTimeInMillis: () => 29_000,
    callbackWaitsForEmptyEventLoop: false,
  }) as unknown as Context;

/** The body, or undefined when it passes API Gateway's limit (the rest is read and dropped). */
const readBody = (request: IncomingMessage): Promise<Buffer | undefined> =>
  new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    request.on('end', () => resolveBody(size > MAX_BODY ? undefined : Buffer.concat(chunks)));
    request.on('error', reject);
  });

const sendJson = (response: ServerResponse, status: number, body: unknown) => {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
};

const serveApi = async (request: IncomingMessage, response: ServerResponse, url: URL) => {
  const method = (request.method ?? 'GET').toUpperCase();
  const matched = matchRoute(method, url.pathname);
  if (!matched) {
    sendJson(response, 404, {
      message: 'Không có đường dẫn này',
      code: 'route.not_found',
      errors: {},
    });

    return;
  }

  const body = await readBody(request);
  if (!body) {
    sendJson(response, 413, {
      message: 'Nội dung yêu cầu quá lớn (tối đa 10 MB)',
      code: 'request.too_large',
      errors: {},
    });

    return;
  }
  const event = toApiGatewayEvent(
    request,
    url,
    body,
    matched.route.routeKey,
    matched.pathParameters,
  );
  const handler = await loadHandler(matched.route.entry);
  const result = await handler(event, lambdaContext(matched.route.entry));

  const headers: Record<string, string | string[]> = {
    ...(result.headers as Record<string, string>),
  };
  if (result.cookies?.length) headers['set-cookie'] = result.cookies;
  response.writeHead(result.statusCode ?? 200, headers);
  response.end(
    result.isBase64Encoded ? Buffer.from(result.body ?? '', 'base64') : (result.body ?? ''),
  );
};

/**
 * The look-up page may be framed by other sites, as in AWS; served over plain HTTP here, so
 * local pages (an embedding test, a ward site under development) may frame it too.
 */
const LOCAL_FRAME_ANCESTORS = `${LOOKUP_FRAME_ANCESTORS} http://localhost:* http://127.0.0.1:*`;

/**
 * The built admin: files as they are; `/lookup` and below get the look-up page, any other path
 * index.html for client routing.
 */
const serveStatic = (response: ServerResponse, url: URL, distDir: string) => {
  const lookup = isLookupPath(url.pathname);
  const index = join(distDir, lookup ? LOOKUP_HTML : 'index.html');
  if (!existsSync(index)) {
    response.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
    response.end('The admin panel is not built: run `npm run build` (npm start does it for you).');

    return;
  }
  const wanted = normalize(join(distDir, decodeURIComponent(url.pathname)));
  const file =
    !lookup && wanted.startsWith(distDir) && existsSync(wanted) && statSync(wanted).isFile()
      ? wanted
      : index;
  const immutable = file !== index && url.pathname.startsWith('/assets/');
  response.writeHead(200, {
    'content-type': MIME[extname(file)] ?? 'application/octet-stream',
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    ...(lookup ? { 'content-security-policy': `frame-ancestors ${LOCAL_FRAME_ANCESTORS}` } : {}),
  });
  response.end(readFileSync(file));
};

/** One server for the admin and the API. Requests wait until `ready` resolves. */
export const createLocalServer = (ready: Promise<void>): Server => {
  const distDir = join(ROOT, 'admin/dist');

  return createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    try {
      await ready;
      if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
        await serveApi(request, response, url);
      } else if (request.method === 'GET' || request.method === 'HEAD') {
        serveStatic(response, url, distDir);
      } else {
        sendJson(response, 405, {
          message: 'Phương thức không được hỗ trợ',
          code: 'method',
          errors: {},
        });
      }
    } catch {
      if (!response.headersSent) {
        sendJson(response, 500, {
          message: 'Hệ thống đang gặp lỗi',
          code: 'server.error',
          errors: {},
        });
      } else response.end();
    }
  });
};

/** Listens, or fails at once with a clear message when the port is taken. */
export const listen = (server: Server, port: number, host = '127.0.0.1'): Promise<number> =>
  new Promise((resolveListen, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(
              `Port ${port} is already in use. Stop what is using it, or start with PORT=<another port> npm start.`,
            )
          : error,
      );
    });
    server.listen(port, host, () => {
      const address = server.address();
      resolveListen(typeof address === 'object' && address ? address.port : port);
    });
  });
