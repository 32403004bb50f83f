/**
 * The page problems a test must not ignore: uncaught errors, hydration failures, missing
 * messages, scripts or styles refused by the CSP (Chromium 156 words it "Applying inline style
 * violates the following Content Security Policy directive …") and images it refuses (the
 * thumbnails come through the gateway's public media route, an origin img-src allows). Failed
 * resource loads (an API answering 4xx on purpose, a thumbnail the media store does not serve)
 * are left to the assertions that care.
 */
export function seriousProblems(problems: string[]): string[] {
  return problems.filter(
    (p) =>
      p.startsWith('pageerror:') ||
      /MISSING_MESSAGE|Hydration|hydrat|Refused to (execute|load the script|load the image|apply inline style)|(Applying inline style|Executing inline script|Loading the (script|stylesheet|image)|Evaluating a string as JavaScript)\b.* violates the following Content Security Policy|Minified React error/i.test(
        p,
      ),
  );
}
