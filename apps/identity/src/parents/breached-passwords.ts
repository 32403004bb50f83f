/**
 * A small list of the most common breached passwords of 10 or more characters (shorter ones
 * already fail the length rule), lower-cased. Signup compares the lower-cased password.
 */
export const BREACHED_PASSWORDS: ReadonlySet<string> = new Set([
  '1234567890', '0123456789', '0987654321', '1111111111', '0000000000', '12345678910', '123456789a',
  '1234567890a', '123123123123', '1q2w3e4r5t', '1qaz2wsx3edc', 'qwertyuiop', 'qwerty12345', 'qwerty123456',
  'asdfghjkl1', 'password12', 'password123', 'password1234', 'passw0rd123', 'p@ssw0rd123', 'iloveyou12',
  'iloveyou123', 'abc1234567', 'abcdefghij', 'abcd123456', 'football123', 'baseball123', 'princess123',
  'sunshine123', 'welcome123', 'welcome1234', 'letmein123', 'letmein1234', 'monkey12345', 'dragon12345',
  'superman123', 'trustno1234', 'administrator', 'changeme123', 'qazwsxedcrfv', 'zaq12wsxcde', 'starwars123',
  'mikasmissions', 'mikasmissions1', 'mikasmissions123',
]);
