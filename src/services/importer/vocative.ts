// A quotation that calls someone by name is spoken to them, not by them: `"Yeah, no worries Toto.
// Let's keep working hard," was the reply` is not Toto Wolff's. Attribution that lands on the person
// the words address is wrong, and an unknown speaker beats a wrong one.

/**
 * Whether `quote` addresses `name` (a person's full name) by one of its words, written as the name
 * is: opening the quotation before a comma or a greeting ("Lewis, hi", "Lewis hi,"), or after a
 * greeting or thanks and before the end of a sentence ("no worries Toto.", "thank you, Jo!"). A
 * name inside a list ("talented, young, and hungry") is not an address.
 */
export function addressesByName(quote: string, name: string): boolean {
  const words = name.split(/\s+/).filter((word) => /^\p{Lu}\p{Ll}{2,}$/u.test(word));
  return words.some((word) => {
    const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return (
      new RegExp(`^${escaped}(?:,|\\s+(?:hi|hello|hey)\\b)`, 'u').test(quote.trimStart()) ||
      new RegExp(
        `\\b(?:[Ww]orries|[Tt]hanks|[Tt]hank\\s+you|[Hh]i|[Hh]ello|[Hh]ey|[Ss]orry|[Cc]ongratulations|[Ww]ell\\s+done|mate),?\\s+${escaped}\\s*(?:[.!?]|,?$)`,
        'u',
      ).test(quote)
    );
  });
}
