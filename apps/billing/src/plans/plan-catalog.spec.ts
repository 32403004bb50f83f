import { PlanCatalog } from './plan-catalog';

describe('PlanCatalog', () => {
  const catalog = PlanCatalog.fromFile();
  const end = (plan: string, start: string) => catalog.periodEnd(catalog.find(plan)!, new Date(start)).toISOString();

  it('reads the three plans of plans.json; the trial is the consent plan and is not sold', () => {
    expect(catalog.consentPlan()).toMatchObject({ id: 'trial', grant: 'consent', period: { unit: 'day', count: 14 } });
    expect(catalog.find('family_monthly')).toMatchObject({ grant: 'purchase', priceCents: 799 });
    expect(catalog.find('family_yearly')).toMatchObject({ grant: 'purchase', priceCents: 7999 });
    expect(catalog.find('platinum')).toBeUndefined();
  });

  it('ends periods on the calendar in UTC, clamped to the last day of a short month', () => {
    expect(end('trial', '2026-12-01T10:00:00.000Z')).toBe('2026-12-15T10:00:00.000Z');
    expect(end('family_monthly', '2026-12-15T10:00:00.000Z')).toBe('2027-01-15T10:00:00.000Z');
    expect(end('family_monthly', '2027-01-31T23:30:00.000Z')).toBe('2027-02-28T23:30:00.000Z');
    expect(end('family_monthly', '2028-01-31T00:00:00.000Z')).toBe('2028-02-29T00:00:00.000Z');
    expect(end('family_yearly', '2028-02-29T08:00:00.000Z')).toBe('2029-02-28T08:00:00.000Z');
    expect(end('family_yearly', '2026-12-01T10:00:00.000Z')).toBe('2027-12-01T10:00:00.000Z');
  });

  it('refuses a bad catalogue at start-up, naming the problem', () => {
    const plan = { id: 'p', grant: 'purchase', period: { unit: 'month', count: 1 }, priceCents: 100, currency: 'EUR' };
    const trial = { ...plan, id: 'trial', grant: 'consent', priceCents: 0 };
    expect(() => new PlanCatalog({ plans: [plan] })).toThrow('exactly one plan must have grant "consent"');
    expect(() => new PlanCatalog({ plans: [trial, plan, plan] })).toThrow('plan ids must be unique');
    expect(() => new PlanCatalog({ plans: [trial, { ...plan, priceCents: 0 }] })).toThrow('a purchasable plan must have a price');
    expect(() => new PlanCatalog({ plans: [trial, { ...plan, period: { unit: 'week', count: 1 } }] })).toThrow('plans.1.period.unit');
  });
});
