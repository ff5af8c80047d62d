import type { EmulatorContext } from '../core/context';
import { Emulated } from '../core/context';
import { formatInZone, formatPrintf, stringify } from './utilities';

export type LogLevel = 'INFO' | 'WARNING' | 'ERROR';

export interface LogLine {
  at: number;
  level: LogLevel;
  source: 'Logger' | 'console';
  message: string;
  /** The execution that wrote it (ids restart with each process, hence the session start). */
  execution: number;
}

export interface LoggerState {
  lines: LogLine[];
}

export function createLoggerState(): LoggerState {
  return { lines: [] };
}

function append(ctx: EmulatorContext, level: LogLevel, source: LogLine['source'], message: string): void {
  ctx.state.logger.lines.push({
    at: ctx.clock.now(),
    level,
    source,
    message,
    execution: ctx.runtime.current()?.id ?? 0,
  });
}

class LoggerImpl extends Emulated {
  constructor(
    ctx: EmulatorContext,
    /** Lines before `start` were written by an earlier process, whose execution ids may repeat. */
    private readonly _session: { start: number },
  ) {
    super(ctx, 'Logger');
  }

  /** log(data) or log(format, values…) with %s-style placeholders. */
  log(data: unknown, ...values: unknown[]): this {
    const message = values.length > 0 ? formatPrintf(String(data), values, this._ctx.fail) : stringify(data);
    append(this._ctx, 'INFO', 'Logger', message);
    return this;
  }

  /** The current execution's Logger lines, each "[yy-MM-dd HH:mm:ss:SSS Z] message". */
  getLog(): string {
    const zone = this._ctx.state.scriptTimeZone;
    return this._ownLines()
      .map(
        (line) =>
          `[${formatInZone(line.at, zone, 'yy-MM-dd HH:mm:ss:SSS Z', this._ctx.fail)}] ${line.message}\n`,
      )
      .join('');
  }

  clear(): void {
    const own = new Set(this._ownLines());
    this._ctx.state.logger.lines = this._ctx.state.logger.lines.filter((line) => !own.has(line));
  }

  _ownLines(): LogLine[] {
    const id = this._ctx.runtime.current()?.id ?? 0;
    return this._ctx.state.logger.lines
      .slice(this._session.start)
      .filter((line) => line.source === 'Logger' && line.execution === id);
  }
}

/** console.log/info/warn/error: arguments joined by spaces, objects as JSON, as Cloud Logging shows. */
class ConsoleImpl extends Emulated {
  constructor(ctx: EmulatorContext) {
    super(ctx, 'console');
  }

  log(...args: unknown[]): void {
    this._write('INFO', args);
  }
  info(...args: unknown[]): void {
    this._write('INFO', args);
  }
  warn(...args: unknown[]): void {
    this._write('WARNING', args);
  }
  error(...args: unknown[]): void {
    this._write('ERROR', args);
  }

  _write(level: LogLevel, args: unknown[]): void {
    const [first, ...rest] = args;
    const message =
      typeof first === 'string' && /%[sdifoO]/.test(first)
        ? formatPrintf(first.replace(/%[oO]/g, '%s'), rest, this._ctx.fail)
        : args.map(stringify).join(' ');
    append(this._ctx, level, 'console', message);
  }
}

export interface LoggerDriver {
  /** Every line written so far (Logger and console), oldest first. */
  lines(): LogLine[];
  clear(): void;
}

export function installLogger(ctx: EmulatorContext): {
  globals: { Logger: LoggerImpl; console: ConsoleImpl };
  driver: LoggerDriver;
} {
  const session = { start: ctx.state.logger.lines.length };
  return {
    globals: { Logger: new LoggerImpl(ctx, session), console: new ConsoleImpl(ctx) },
    driver: {
      lines: () => ctx.state.logger.lines.map((line) => ({ ...line })),
      clear: () => {
        ctx.state.logger.lines = [];
        session.start = 0;
      },
    },
  };
}
