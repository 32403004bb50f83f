import plansFile from './plans.json';
import { planCatalogSchema, type Plan } from './plan';

/**
 * The plans billing sells and grants, read from `plans.json` (validated when the app starts:
 * a bad file stops it). Period arithmetic lives here so every caller ends a period the same way.
 *
 * @example
 * const catalog = PlanCatalog.fromFile();
 * const plan = catalog.find('family_monthly');
 * const end = catalog.periodEnd(plan, now);
 */
export class PlanCatalog {
  private readonly plans: ReadonlyMap<string, Plan>;

  /** The catalogue of `plans.json`. */
  static fromFile(): PlanCatalog {
    return new PlanCatalog(plansFile);
  }

  constructor(source: unknown) {
    const parsed = planCatalogSchema.safeParse(source);
    if (!parsed.success)
      throw new Error(`billing plans.json is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
    this.plans = new Map(parsed.data.plans.map((plan) => [plan.id, plan]));
  }

  /** The plan with this id, or `undefined`. */
  find(id: string): Plan | undefined {
    return this.plans.get(id);
  }

  /** The plan granted at consent (the trial). */
  consentPlan(): Plan {
    return [...this.plans.values()].find((plan) => plan.grant === 'consent') as Plan;
  }

  /** The instant a period of `plan` that starts at `start` ends (calendar months and years in UTC, clamped to the month's last day). */
  periodEnd(plan: Plan, start: Date): Date {
    const { unit, count } = plan.period;
    if (unit === 'day') return new Date(start.getTime() + count * 86_400_000);
    const months = unit === 'month' ? count : count * 12;
    const end = new Date(start.getTime());
    const day = end.getUTCDate();
    end.setUTCDate(1);
    end.setUTCMonth(end.getUTCMonth() + months);
    const lastDay = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() + 1, 0)).getUTCDate();
    end.setUTCDate(Math.min(day, lastDay));
    return end;
  }
}
