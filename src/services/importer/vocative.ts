// A quotation that calls someone by name is spoken to them, not by them: `"Yeah, no worries Toto.
// Let's keep working hard," was the reply` is not Toto Wolff's. Attribution that lands on the person
// the words address is wrong, and an unknown speaker beats a wrong one.

/**
 * Whether `quote` addresses `name` (a person's full name) by one of its words: the word opens the
 * quotation before a comma or "hi", or closes a clause ("no worries Toto.", "thank you, Jo!").
 */
export function addressesByName(quote: string, name: string): boolean {
  const words = name.split(/\s+/).filter((word) => /^\p{Lu}\p{Ll}{2,}$/u.test(word));
  return words.some((word) => {
    const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return (
      new RegExp(`^${escaped}(?:,|\\s+(?:hi|hello|hey)\\b)`, 'u').test(quote.trimStart()) ||
      new RegExp(
        `(?:,|\\b(?:worries|thanks|thank\\s+you|hi|hello|hey|sorry|congratulations|mate))\\s+${escaped}\\s*[.!?,]`,
        'iu',
      ).test(quote)
    );
  });
}
