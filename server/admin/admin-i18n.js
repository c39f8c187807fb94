// @ts-check
/**
 * The dashboard's words in Danish (the default) and English. `{name}` marks a value filled in
 * by {@link format}.
 */

const da = {
  appTitle: 'Samtykkelog',
  skip: 'Spring til indhold',
  language: 'English',
  languageLabel: 'Switch to English',
  nav: 'Sektioner',
  overview: 'Oversigt',
  lookup: 'Slå et samtykke-ID op',
  signOut: 'Log ud',
  signIn: {
    title: 'Log ind på samtykkeloggen',
    intro: 'Skriv administratortokenet (ADMIN_TOKEN i tjenestens indstillinger). Det bliver byttet til en session, der udløber af sig selv; tokenet gemmes ikke i browseren.',
    token: 'Administratortoken',
    submit: 'Log ind',
    wrong: 'Det er ikke det rigtige token. Tjek ADMIN_TOKEN og prøv igen.',
    tooMany: 'For mange forkerte forsøg. Vent {minutes} minutter, og prøv igen.',
    expired: 'Din session er udløbet. Log ind igen.',
    signedOut: 'Du er logget ud.',
  },
  range: {
    legend: 'Periode',
    from: 'Fra',
    to: 'Til og med',
    show: 'Vis',
    invalid: 'Slutdatoen må ikke ligge før startdatoen.',
  },
  figures: {
    decisions: 'Valg i alt',
    decisionsHelp: 'Hver gang en besøgende har truffet, ændret eller trukket et valg tilbage.',
    gpc: 'Valg med GPC-signal',
    gpcHelp: 'Besøg, hvor browseren sendte Global Privacy Control (et ønske om ikke at blive sporet).',
    perDay: 'Valg pr. dag',
    perMonth: 'Valg pr. måned',
    kinds: 'Slags valg',
    kindsHelp: 'Andel af alle valg i perioden.',
    categories: 'Tilladt pr. kategori',
    categoriesHelp: 'Andel af valgene, hvor kategorien blev tilladt.',
    versions: 'Revision og politikversion',
    inUse: 'I brug nu (seneste valg): revision {revision}, politikversion {policy}.',
    revision: 'Revision',
    policyVersion: 'Politikversion',
    events: 'Valg',
    tableOf: 'Tabel: {title}',
    day: 'Dag',
    month: 'Måned',
    share: 'Andel',
    count: 'Antal',
    granted: 'Tilladt',
    refused: 'Afvist',
    custom: 'Egne valg',
    kind: 'Valg',
    category: 'Kategori',
  },
  retention: {
    title: 'Opbevaring',
    days: 'Registreringer slettes efter {days} dage (RETENTION_DAYS).',
    oldest: 'Den ældste registrering er fra {date}.',
    none: 'Loggen har endnu ingen registreringer.',
  },
  export: {
    title: 'Eksport',
    intro: 'Hent alle registreringer i perioden som fil.',
    format: 'Format',
    button: 'Hent eksport',
    done: 'Eksporten er hentet: {file}.',
  },
  states: {
    loading: 'Henter …',
    empty: 'Ingen valg i perioden. Er loggen ny, så tjek, at widgettens endpoint peger på denne tjeneste; den første besøgendes valg vises her.',
    emptyRange: 'Ingen valg i denne periode. Vælg en anden periode, eller se den ældste registrering under Opbevaring.',
    database: 'Databasen kan ikke nås lige nu. Tjek, at databasen kører (tjenestens /healthz viser dens tilstand), og prøv igen.',
    network: 'Tjenesten svarer ikke. Tjek din forbindelse, og prøv igen.',
    retry: 'Prøv igen',
  },
  actions: {
    'accept-all': 'Accepterede alle',
    'reject-all': 'Afviste alle',
    save: 'Gemte egne valg',
    'accept-service': 'Tillod én tjeneste',
    withdraw: 'Trak samtykket tilbage',
  },
  lookupForm: {
    title: 'Slå et samtykke-ID op',
    intro: 'Når en besøgende spørger, hvad de har givet samtykke til: bed om deres samtykke-ID (de finder det på sidens cookieside), og slå det op her.',
    id: 'Samtykke-ID',
    hint: 'Fx 6f1c1f0e-2b7a-4c1e-9a3b-1d2e3f4a5b6c',
    submit: 'Slå op',
    invalid: 'Et samtykke-ID har formen xxxxxxxx-xxxx-4xxx-xxxx-xxxxxxxxxxxx (tal og bogstaverne a–f).',
    notFound: 'Loggen har ingen registreringer for dette samtykke-ID. Tjek ID’et, eller registreringerne kan være slettet efter opbevaringsperioden.',
  },
  proof: {
    title: 'Dokumentation for samtykke',
    print: 'Udskriv eller gem som PDF',
    controller: 'Dataansvarlig',
    noController: 'Ikke angivet (sæt CONTROLLER_NAME i tjenestens indstillinger)',
    consentId: 'Samtykke-ID',
    made: 'Dannet',
    events: 'Registreringer',
    received: 'Modtaget (serverens tid)',
    action: 'Valg',
    granted: 'Tilladt',
    refusedList: 'Afvist',
    services: 'Tjenester',
    revision: 'Revision',
    policy: 'Politikversion',
    hash: 'Tekstens fingeraftryk',
    language: 'Sprog',
    gpc: 'GPC',
    path: 'Side',
    yes: 'Ja',
    no: 'Nej',
    none: 'ingen',
    howTitle: 'Sådan opbevares registreringen',
    how1: 'Hvert valg gemmes som en ny registrering i samtykkeloggen, når tjenesten modtager det. Loggen er kun til tilføjelse: databasen afviser ændringer af gemte registreringer, og de slettes kun, når opbevaringsperioden ({days} dage) er gået.',
    how2: 'Loggen gemmer ingen IP-adresse, kun netværkets første del (/24 for IPv4, /48 for IPv6), og kun browserens familie, ikke dens fulde identifikation. Samtykke-ID’et er et tilfældigt tal i den besøgendes cookie; det identificerer ingen i sig selv.',
    how3: 'Tekstens fingeraftryk er en hash af de tekster, den besøgende så; sammen med revision og politikversion viser den, hvilken tekst valget blev truffet på.',
  },
  categories: { necessary: 'Nødvendige', functional: 'Funktionelle', analytics: 'Statistik', marketing: 'Markedsføring' },
};

/** @type {typeof da} */
const en = {
  appTitle: 'Consent log',
  skip: 'Skip to content',
  language: 'Dansk',
  languageLabel: 'Skift til dansk',
  nav: 'Sections',
  overview: 'Overview',
  lookup: 'Look up a consent ID',
  signOut: 'Sign out',
  signIn: {
    title: 'Sign in to the consent log',
    intro: 'Enter the admin token (ADMIN_TOKEN in the service’s settings). It is exchanged for a session that expires by itself; the token is not kept in the browser.',
    token: 'Admin token',
    submit: 'Sign in',
    wrong: 'That is not the right token. Check ADMIN_TOKEN and try again.',
    tooMany: 'Too many wrong attempts. Wait {minutes} minutes and try again.',
    expired: 'Your session has expired. Sign in again.',
    signedOut: 'You are signed out.',
  },
  range: {
    legend: 'Period',
    from: 'From',
    to: 'To (inclusive)',
    show: 'Show',
    invalid: 'The end date must not be before the start date.',
  },
  figures: {
    decisions: 'Decisions',
    decisionsHelp: 'Every time a visitor made, changed or withdrew a choice.',
    gpc: 'Decisions with a GPC signal',
    gpcHelp: 'Visits where the browser sent Global Privacy Control (a request not to be tracked).',
    perDay: 'Decisions per day',
    perMonth: 'Decisions per month',
    kinds: 'Kinds of decision',
    kindsHelp: 'Share of all decisions in the period.',
    categories: 'Granted per category',
    categoriesHelp: 'Share of decisions in which the category was allowed.',
    versions: 'Revision and policy version',
    inUse: 'In use now (latest decision): revision {revision}, policy version {policy}.',
    revision: 'Revision',
    policyVersion: 'Policy version',
    events: 'Decisions',
    tableOf: 'Table: {title}',
    day: 'Day',
    month: 'Month',
    share: 'Share',
    count: 'Count',
    granted: 'Granted',
    refused: 'Refused',
    custom: 'Custom choices',
    kind: 'Decision',
    category: 'Category',
  },
  retention: {
    title: 'Retention',
    days: 'Records are deleted after {days} days (RETENTION_DAYS).',
    oldest: 'The oldest record is from {date}.',
    none: 'The log has no records yet.',
  },
  export: {
    title: 'Export',
    intro: 'Download every record of the period as a file.',
    format: 'Format',
    button: 'Download export',
    done: 'The export is downloaded: {file}.',
  },
  states: {
    loading: 'Loading …',
    empty: 'No decisions in this period. If the log is new, check that the widget’s endpoint points at this service; the first visitor’s choice will show here.',
    emptyRange: 'No decisions in this period. Choose another period, or see the oldest record under Retention.',
    database: 'The database cannot be reached right now. Check that the database is running (the service’s /healthz shows its state) and try again.',
    network: 'The service does not answer. Check your connection and try again.',
    retry: 'Try again',
  },
  actions: {
    'accept-all': 'Accepted all',
    'reject-all': 'Rejected all',
    save: 'Saved own choices',
    'accept-service': 'Allowed one service',
    withdraw: 'Withdrew consent',
  },
  lookupForm: {
    title: 'Look up a consent ID',
    intro: 'When a visitor asks what they consented to: ask for their consent ID (they find it on the site’s cookie page) and look it up here.',
    id: 'Consent ID',
    hint: 'E.g. 6f1c1f0e-2b7a-4c1e-9a3b-1d2e3f4a5b6c',
    submit: 'Look up',
    invalid: 'A consent ID looks like xxxxxxxx-xxxx-4xxx-xxxx-xxxxxxxxxxxx (digits and the letters a–f).',
    notFound: 'The log has no records for this consent ID. Check the ID, or the records may have been deleted after the retention period.',
  },
  proof: {
    title: 'Proof of consent',
    print: 'Print or save as PDF',
    controller: 'Controller',
    noController: 'Not set (set CONTROLLER_NAME in the service’s settings)',
    consentId: 'Consent ID',
    made: 'Generated',
    events: 'Records',
    received: 'Received (server time)',
    action: 'Decision',
    granted: 'Granted',
    refusedList: 'Refused',
    services: 'Services',
    revision: 'Revision',
    policy: 'Policy version',
    hash: 'Text fingerprint',
    language: 'Language',
    gpc: 'GPC',
    path: 'Page',
    yes: 'Yes',
    no: 'No',
    none: 'none',
    howTitle: 'How this record is kept',
    how1: 'Each decision is stored as a new record in the consent log when the service receives it. The log is append-only: the database refuses changes to stored records, and they are deleted only once the retention period ({days} days) has passed.',
    how2: 'The log keeps no IP address, only the network’s first part (/24 for IPv4, /48 for IPv6), and only the browser’s family, not its full identification. The consent ID is a random number in the visitor’s cookie; it identifies no one by itself.',
    how3: 'The text fingerprint is a hash of the texts the visitor saw; with the revision and policy version it shows which text the decision was made on.',
  },
  categories: { necessary: 'Necessary', functional: 'Functional', analytics: 'Statistics', marketing: 'Marketing' },
};

/** The dashboard's strings, shaped like the Danish ones. */
export const MESSAGES = { da, en };

/** @typedef {typeof da} AdminMessages */
/** @typedef {'da' | 'en'} AdminLanguage */

/**
 * Fills `{name}` placeholders.
 * @param {string} template
 * @param {Record<string, string | number>} values
 */
export const format = (template, values) => template.replace(/\{(\w+)\}/g, (m, name) => (name in values ? String(values[name]) : m));

/**
 * The strings of a language: English for `en`, Danish for anything else.
 * @param {string} lang
 * @returns {AdminMessages}
 */
export const messagesFor = (lang) => (lang === 'en' ? MESSAGES.en : MESSAGES.da);

/**
 * The locale for `Intl` of a language.
 * @param {string} lang
 */
export const localeFor = (lang) => (lang === 'en' ? 'en-GB' : 'da-DK');

/**
 * A category's name in the language, or its id when it is not one of the standard four.
 * @param {AdminMessages} m
 * @param {string} id
 */
export const categoryName = (m, id) => (Object.hasOwn(m.categories, id) ? m.categories[/** @type {keyof AdminMessages['categories']} */ (id)] : id);

/**
 * An action in words, or the action itself when unknown.
 * @param {AdminMessages} m
 * @param {string} action
 */
export const actionName = (m, action) => (Object.hasOwn(m.actions, action) ? m.actions[/** @type {keyof AdminMessages['actions']} */ (action)] : action);
