import type { EmulatorContext } from '../core/context';
import { Emulated } from '../core/context';
import { effectiveUser } from '../core/files';

/**
 * Only a simulated holder is state: a lock taken by an execution lives no longer than the
 * execution, and no execution survives a save, so those holders are kept in memory.
 */
export interface LockState {
  /** Another process "holding" the script lock until `until` (ms), set by the driver. */
  simulated: { until: number; label: string } | null;
}

export function createLockState(): LockState {
  return { simulated: null };
}

const LOCK_TIMEOUT = 'Lock timeout: another process was holding the lock for too long.';

/** Who holds a lock taken by product code: the Lock object (its token) within an execution. */
interface Holder {
  token: number;
  execution: number;
  user: string;
}

export type LockHolder =
  | { kind: 'simulated'; label: string; until: number }
  | { kind: 'execution'; execution: number; user: string };

/** The lock scopes: 'script', 'document', or 'user:<email>'. */
type Scope = string;

interface LockRegistry {
  holders: Map<Scope, Holder>;
  nextToken: number;
}

/**
 * A Lock. It is not acquired until tryLock/waitLock. The holder is the Lock object, not the
 * execution: a second Lock object for the same scope in the same execution waits for the first and
 * times out (undocumented on Google; this is the stricter reading, so nested locking in the product
 * fails here rather than only in production).
 */
class LockImpl extends Emulated {
  private readonly _token: number;

  constructor(
    ctx: EmulatorContext,
    private readonly _scope: Scope,
    private readonly _registry: LockRegistry,
  ) {
    super(ctx, 'Lock');
    this._token = _registry.nextToken++;
  }

  tryLock(timeoutInMillis: number): boolean {
    return this._acquire(timeoutInMillis);
  }

  waitLock(timeoutInMillis: number): void {
    if (!this._acquire(timeoutInMillis)) throw this._ctx.fail(LOCK_TIMEOUT);
  }

  hasLock(): boolean {
    return this._registry.holders.get(this._scope)?.token === this._token;
  }

  /** No effect unless this Lock holds the lock. */
  releaseLock(): void {
    if (this._registry.holders.get(this._scope)?.token === this._token)
      this._registry.holders.delete(this._scope);
  }

  /**
   * One thread: a holder cannot let go while we wait. Waiting for another execution's lock lets the
   * whole timeout pass on the modelled clock and fails; a simulated holder that expires within the
   * timeout is waited out. This covers a holder suspended in an alert or prompt (sheets/ui.ts), whose
   * lock stays held while its person reads ("Alerts suspend the server-side script", Dialogs guide):
   * when it would resume and let go is unknowable here, so the waiter is refused (stricter reading).
   */
  _acquire(timeoutInMillis: number): boolean {
    const { holders } = this._registry;
    const held = holders.get(this._scope);
    if (held?.token === this._token) return true;
    const clock = this._ctx.clock;
    const simulated = this._scope === 'script' ? this._ctx.state.lock.simulated : null;
    const timeout = Math.max(0, Number(timeoutInMillis) || 0);
    if (!held && (!simulated || simulated.until <= clock.now() + timeout)) {
      if (simulated) {
        if (simulated.until > clock.now()) clock.advanceTo(simulated.until);
        this._ctx.state.lock.simulated = null;
      }
      const execution = this._ctx.runtime.current();
      holders.set(this._scope, {
        token: this._token,
        execution: execution?.id ?? 0,
        user: execution?.effectiveUser ?? this._ctx.state.owner,
      });
      return true;
    }
    clock.advanceBy(timeout);
    return false;
  }
}

class LockServiceImpl extends Emulated {
  constructor(
    ctx: EmulatorContext,
    private readonly _registry: LockRegistry,
  ) {
    super(ctx, 'LockService');
  }

  getScriptLock(): LockImpl {
    return new LockImpl(this._ctx, 'script', this._registry);
  }

  getUserLock(): LockImpl {
    return new LockImpl(this._ctx, `user:${effectiveUser(this._ctx)}`, this._registry);
  }

  /** The script is bound to the workbook, so the document lock exists. */
  getDocumentLock(): LockImpl {
    return new LockImpl(this._ctx, 'document', this._registry);
  }
}

export interface LockDriver {
  /** Another process holds the script lock until `untilMs` (an overlapping run, simulated). */
  holdScriptLock(untilMs: number, label?: string): void;
  releaseSimulated(): void;
  /** Who holds the script lock now, or null. */
  holder(): LockHolder | null;
}

export function installLock(ctx: EmulatorContext): {
  globals: { LockService: LockServiceImpl };
  driver: LockDriver;
} {
  const registry: LockRegistry = { holders: new Map(), nextToken: 1 };
  // "Automatically released when the script terminates."
  ctx.runtime.onExecutionEnd((execution) => {
    for (const [scope, holder] of registry.holders) {
      if (holder.execution === execution.id) registry.holders.delete(scope);
    }
  });
  return {
    globals: { LockService: new LockServiceImpl(ctx, registry) },
    driver: {
      holdScriptLock: (untilMs, label = 'another execution') => {
        ctx.state.lock.simulated = { until: untilMs, label };
      },
      releaseSimulated: () => {
        ctx.state.lock.simulated = null;
      },
      holder: () => {
        const simulated = ctx.state.lock.simulated;
        if (simulated && simulated.until > ctx.clock.now()) return { kind: 'simulated', ...simulated };
        const held = registry.holders.get('script');
        return held ? { kind: 'execution', execution: held.execution, user: held.user } : null;
      },
    },
  };
}
