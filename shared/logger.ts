/**
 * One structured logger: a constant message plus fields, one JSON line per entry.
 * Callers pass ids and counts, never names, phones or addresses.
 */
type Level = 'debug' | 'info' | 'warn' | 'error';
type Fields = Record<string, string | number | boolean | null | undefined>;

const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const threshold = (): number => order[(process.env.LOG_LEVEL as Level) ?? 'info'] ?? order.info;

const write = (level: Level, message: string, fields: Fields = {}): void => {
  if (order[level] < threshold()) return;

  const line = JSON.stringify({
    level,
    message,
    timestamp: new Date().toISOString(),
    service: 'nguon',
    ...fields,
  });
  if (level === 'error' || level === 'warn') process.stderr.write(`${line}\n`);
  else process.stdout.write(`${line}\n`);
};

export const logger = {
  debug: (message: string, fields?: Fields) => write('debug', message, fields),
  info: (message: string, fields?: Fields) => write('info', message, fields),
  warn: (message: string, fields?: Fields) => write('warn', message, fields),
  error: (message: string, fields?: Fields) => write('error', message, fields),
};
