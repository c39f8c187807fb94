// Every UI language file says everything the Danish one says, in its own words (COMPLIANCE 6, 7
// and 14: the purposes, the way to withdraw and the cookie table reach a visitor only in a
// language they read). Danish is the source; each other `locales/ui.*.json` is found on disk,
// so a language added later is held to the same rules without touching this file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';

const LOCALES = new URL('../../locales/', import.meta.url);

/** The languages the widget promises to ship; more may be added, none may go missing. */
const REQUIRED = ['da', 'en', 'sv', 'nb', 'de', 'fi', 'nl', 'fr', 'es', 'it', 'pl', 'is'];

/**
 * Strings that may equal the Danish or the English one at the same key, because the word is
 * the same in that language. Each entry names its key, its exact text and the languages that
 * use it; an entry no file needs any more fails the last test, so the list cannot grow stale.
 */
const SAME_WORD = [
  { key: 'cookies.name', text: 'Name', languages: ['de'], reason: 'German and English share the word (German capitalises nouns)' },
  { key: 'cookies.name', text: 'Navn', languages: ['nb'], reason: 'Bokmål and Danish share the word' },
  { key: 'cookies.purpose', text: 'Formål', languages: ['nb'], reason: 'Bokmål and Danish share the word' },
  { key: 'categories.necessary.title', text: 'Nødvendige', languages: ['nb'], reason: 'Bokmål and Danish share the word' },
  { key: 'cookies.noTransfer', text: 'Nej', languages: ['sv'], reason: 'Swedish and Danish share the word' },
  { key: 'cookies.noTransfer', text: 'No', languages: ['es', 'it'], reason: 'Spanish and Italian "no" is spelt as the English one' },
  { key: 'declaration.date', text: 'Dato', languages: ['nb'], reason: 'Bokmål and Danish share the word' },
  { key: 'declaration.date', text: 'Date', languages: ['fr'], reason: 'French and English share the word' },
  { key: 'categories.analytics.title', text: 'Statistik', languages: ['sv', 'de'], reason: 'Swedish, German and Danish share the word' },
  { key: 'categories.marketing.title', text: 'Marketing', languages: ['de', 'nl', 'it', 'es'], reason: 'the English loanword these languages use for the category' },
  { key: 'categories.marketing.title', text: 'Markedsføring', languages: ['nb'], reason: 'Bokmål and Danish share the word' },
  { key: 'policy.version', text: 'Version', languages: ['en', 'sv', 'de', 'fr'], reason: 'the same word in Danish, English, Swedish, German and French' },
  { key: 'policy.email', text: 'E-mail', languages: ['en', 'nl', 'it', 'pl'], reason: 'the loanword, spelt this way in these languages' },
  { key: 'policy.email', text: 'E-Mail', languages: ['de'], reason: 'German spells the loanword with a capital M' },
  { key: 'policy.phone', text: 'Telefon', languages: ['sv', 'nb', 'de', 'pl'], reason: 'the same word as the Danish one' },
  { key: 'policy.cvr', text: 'CVR-nummer', languages: ['sv', 'nb', 'nl'], reason: 'the Danish company register by its name, and "nummer" is the same word' },
  { key: 'policy.cvr', text: 'CVR-Nummer', languages: ['de'], reason: 'the Danish company register by its name; German capitalises "Nummer"' },
];

/**
 * Each language's quotation marks, for strings whose Danish quotes something (the name of the
 * reopen button the visitor is told to look for). A new language must add its pair here.
 */
const QUOTES = {
  da: ['„', '“'],
  en: ['“', '”'],
  sv: ['”', '”'],
  nb: ['«', '»'],
  de: ['„', '“'],
  fi: ['”', '”'],
  nl: ['‘', '’'],
  fr: ['«\u00a0', '\u00a0»'],
  es: ['«', '»'],
  it: ['«', '»'],
  pl: ['„', '”'],
  is: ['„', '“'],
};

/** Strings that quote another string, by key: the withdrawal sentence names the reopen button. */
const QUOTED = { 'banner.withdraw': 'reopen.label' };

/** The text between the first pair of the language's quotation marks, or null. */
function quoted(text, [open, close]) {
  const start = text.indexOf(open);
  const end = start < 0 ? -1 : text.indexOf(close, start + open.length);
  return end < 0 ? null : text.slice(start + open.length, end);
}

function read(language) {
  try {
    return JSON.parse(readFileSync(new URL(`ui.${language}.json`, LOCALES), 'utf8'));
  } catch (error) {
    throw new Error(`locales/ui.${language}.json: ${error.message}`);
  }
}

const onDisk = readdirSync(LOCALES)
  .map((file) => /^ui\.([a-z]{2,3}(?:-[A-Za-z0-9]+)*)\.json$/.exec(file)?.[1])
  .filter(Boolean)
  .sort();
const translations = onDisk.filter((language) => language !== 'da');

/** Every entry of a messages object in file order: [dotted key, value], objects included. */
function entries(messages, prefix = '') {
  return Object.entries(messages).flatMap(([key, value]) => {
    const path = prefix + key;
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? [[path, value], ...entries(value, `${path}.`)] : [[path, value]];
  });
}

/** The string leaves only, as a Map from dotted key to text. */
const strings = (messages) => new Map(entries(messages).filter(([, value]) => typeof value === 'string'));

const placeholders = (text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** Case and spacing aside, so "Accept All" still counts as the English "Accept all". */
const same = (a, b) => a.replace(/\s+/g, ' ').trim().toLowerCase() === b.replace(/\s+/g, ' ').trim().toLowerCase();

const da = read('da');
const en = read('en');
const daStrings = strings(da);
const enStrings = strings(en);
/** Keys in order, objects marked `{}` and anything but text or an object shown with its value. */
const shapeOf = (messages) =>
  entries(messages).map(([key, value]) => (typeof value === 'string' ? key : value && typeof value === 'object' && !Array.isArray(value) ? `${key} {}` : `${key} (${JSON.stringify(value)})`));
const daShape = shapeOf(da);

test('the Danish source quotes the reopen button by its label, as the translations must', () => {
  for (const [key, label] of Object.entries(QUOTED)) assert.equal(quoted(daStrings.get(key), QUOTES.da), daStrings.get(label), key);
});

test('the twelve shipped languages each have a UI file', () => {
  const missing = REQUIRED.filter((language) => !onDisk.includes(language));
  assert.deepEqual(missing, [], `no locales/ui.<lang>.json for: ${missing.join(', ')}`);
});

for (const language of translations) {
  const messages = read(language);
  const texts = strings(messages);

  test(`ui.${language}.json has exactly the keys of Danish, in the same nesting and order`, () => {
    const shape = shapeOf(messages);
    const missing = daShape.filter((key) => !shape.includes(key));
    const extra = shape.filter((key) => !daShape.includes(key));
    assert.deepEqual(missing, [], `keys of ui.da.json missing from ui.${language}.json`);
    assert.deepEqual(extra, [], `keys in ui.${language}.json that ui.da.json does not have (or not as text)`);
    assert.deepEqual(shape, daShape, `ui.${language}.json has Danish's keys in another order`);
  });

  test(`ui.${language}.json has no empty strings`, () => {
    const empty = [...texts].filter(([, text]) => text.trim() === '').map(([key]) => key);
    assert.deepEqual(empty, [], `empty strings in ui.${language}.json`);
  });

  test(`ui.${language}.json keeps every placeholder of the Danish string and adds none`, () => {
    const wrong = [...daStrings]
      .filter(([key]) => texts.has(key))
      .map(([key, source]) => ({ key, danish: placeholders(source), [language]: placeholders(texts.get(key)) }))
      .filter((row) => row.danish.join() !== row[language].join());
    assert.deepEqual(wrong, [], `placeholders that differ from the Danish in ui.${language}.json`);
  });

  test(`ui.${language}.json has nothing left in Danish${language === 'en' ? '' : ' or English'}`, () => {
    const untranslated = [...texts]
      .filter(([key, text]) => (daStrings.has(key) && same(text, daStrings.get(key))) || (language !== 'en' && enStrings.has(key) && same(text, enStrings.get(key))))
      .filter(([key, text]) => !SAME_WORD.some((word) => word.key === key && word.text === text && word.languages.includes(language)))
      .map(([key, text]) => `${key}: ${JSON.stringify(text)}`);
    assert.deepEqual(untranslated, [], `strings in ui.${language}.json equal to the Danish or English ones (add a SAME_WORD entry only for a word the languages truly share)`);
  });

  test(`ui.${language}.json quotes with its own marks, naming the button as it is labelled`, () => {
    const marks = QUOTES[language];
    assert.ok(marks, `add the quotation marks of "${language}" to QUOTES in this test`);
    for (const [key, source] of daStrings) {
      if (!source.includes(QUOTES.da[0]) || !texts.has(key)) continue;
      const text = texts.get(key);
      assert.ok(!text.includes('"'), `${key} in ui.${language}.json has a straight quote: ${text}`);
      const label = QUOTED[key] && texts.get(QUOTED[key]);
      assert.ok(label, `${key} quotes something in Danish; name the key of the quoted label in QUOTED`);
      assert.equal(quoted(text, marks), label, `${key} in ui.${language}.json should quote ${marks[0]}${label}${marks[1]}, as ${QUOTED[key]} reads: ${text}`);
    }
  });
}

test('every SAME_WORD entry is still needed, has a reason and is a word, not a sentence', () => {
  for (const word of SAME_WORD) {
    assert.ok(word.reason, `SAME_WORD ${word.key} ${word.text} needs a reason`);
    assert.ok(word.text.split(/\s+/).length <= 2, `SAME_WORD ${word.key} ${word.text} is a phrase; translate it instead`);
    assert.ok(same(word.text, daStrings.get(word.key) ?? '') || same(word.text, enStrings.get(word.key) ?? ''), `SAME_WORD ${word.key} ${word.text} equals neither the Danish nor the English string`);
    for (const language of word.languages.filter((l) => onDisk.includes(l))) {
      assert.equal(strings(read(language)).get(word.key), word.text, `SAME_WORD ${word.key} ${word.text} is no longer used by ui.${language}.json; remove it from the list`);
    }
  }
});
