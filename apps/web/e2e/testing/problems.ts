/**
 * The page problems a test must not ignore: uncaught errors, hydration failures, missing
 * messages, scripts refused by the CSP. Failed resource loads (an API answering 4xx on purpose,
 * a thumbnail the media store does not serve) are left to the assertions that care.
 */
export function seriousProblems(problems: string[]): string[] {
  return problems.filter(
    (p) =>
      p.startsWith('pageerror:') ||
      /MISSING_MESSAGE|Hydration|hydrat|Refused to (execute|load the script|apply inline style)|Minified React error/i.test(p),
  );
}
