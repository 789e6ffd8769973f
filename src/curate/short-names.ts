// Established short forms of given names, as data: "Geoff Hinton" is Geoffrey Hinton, "Dave Duvenaud"
// is David Duvenaud. Only forms in common use as that very name (Geoff for Geoffrey, not Jeff; Alex
// for Alexander, not Sasha), in lower-case ASCII as names.ts folds them. The rule runs one way: a
// written short form may stand for a configured full name, never the reverse ("Alexander Graves" is not
// Alex Graves), and such a match is `likely`, never `exact` (src/curate/authors.ts).

/** Full given name -> its established short forms. */
export const SHORT_GIVEN_NAMES: Readonly<Record<string, readonly string[]>> = {
  abigail: ['abby'],
  alexander: ['alex'],
  alexandra: ['alex'],
  andrew: ['andy'],
  anthony: ['tony'],
  benjamin: ['ben'],
  catherine: ['cathy', 'kate'],
  christina: ['chris', 'tina'],
  christine: ['chris'],
  christopher: ['chris'],
  daniel: ['dan', 'danny'],
  david: ['dave'],
  deborah: ['debbie'],
  douglas: ['doug'],
  edward: ['ed', 'ted'],
  elizabeth: ['liz', 'beth'],
  frederick: ['fred'],
  gabriel: ['gabe'],
  geoffrey: ['geoff'],
  gregory: ['greg'],
  jacob: ['jake'],
  james: ['jim', 'jamie'],
  jeffrey: ['jeff'],
  jennifer: ['jen', 'jenny'],
  jonathan: ['jon'],
  joseph: ['joe'],
  joshua: ['josh'],
  katherine: ['kate', 'katie'],
  kenneth: ['ken'],
  lawrence: ['larry'],
  margaret: ['maggie', 'meg'],
  matthew: ['matt'],
  maximilian: ['max'],
  michael: ['mike'],
  nathaniel: ['nate'],
  nicholas: ['nick'],
  patricia: ['pat', 'trish'],
  patrick: ['pat'],
  peter: ['pete'],
  philip: ['phil'],
  rebecca: ['becky'],
  richard: ['rich', 'rick'],
  robert: ['rob', 'bob'],
  ronald: ['ron'],
  samantha: ['sam'],
  samuel: ['sam'],
  stephanie: ['steph'],
  stephen: ['steve'],
  steven: ['steve'],
  susan: ['sue'],
  theodore: ['ted', 'theo'],
  thomas: ['tom'],
  timothy: ['tim'],
  vincent: ['vince'],
  william: ['will', 'bill'],
  zachary: ['zach'],
};

// A Map, so a given name such as "constructor" never reads Object.prototype.
const SHORT_FORMS = new Map(Object.entries(SHORT_GIVEN_NAMES));

/** True when `written` is an established short form of the full given name `full`. */
export function isShortFormOf(written: string, full: string): boolean {
  return SHORT_FORMS.get(full)?.includes(written) ?? false;
}
