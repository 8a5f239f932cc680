import { insufficientCredits } from '../http/errors.js';
import type { Store } from './store.js';

/** Credits: spent up front (subscription first, then top-up), returned when a job fails. */
export class Credits {
  constructor(private readonly store: Store) {}

  balance(): number {
    return this.store.credits.subscription + this.store.credits.topup;
  }

  /** Throws 402 (`required`, `balance`) when short; spends nothing then. */
  assertCanSpend(required: number): void {
    if (required > this.balance()) throw insufficientCredits(required, this.balance());
  }

  spend(amount: number): { subscription: number; topup: number } {
    this.assertCanSpend(amount);
    const fromSub = Math.min(amount, this.store.credits.subscription);
    this.store.credits.subscription -= fromSub;
    this.store.credits.topup -= amount - fromSub;
    return { subscription: fromSub, topup: amount - fromSub };
  }

  refund(charged: { subscription: number; topup: number }): void {
    this.store.credits.subscription += charged.subscription;
    this.store.credits.topup += charged.topup;
  }

  set(balance: number): void {
    this.store.credits = { subscription: balance, topup: 0 };
  }
}
