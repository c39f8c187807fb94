// The visitor's own consent history on the demo's cookie page, read from the consent log
// (GET /api/consents/:consentId; the random consent ID in their cookie is the key).
// The page's Danish texts come from the section's data-* attributes and category names from
// /locales/ui.da.json; everything is written with textContent.
(() => {
  const section = document.getElementById('samtykke-history');
  if (!section) return;
  const list = section.querySelector('[data-history-list]');
  const status = section.querySelector('[data-history-status]');
  const text = section.dataset;
  const time = new Intl.DateTimeFormat('da-DK', { dateStyle: 'long', timeStyle: 'medium' });
  const titles = fetch('/locales/ui.da.json')
    .then((res) => res.json())
    .then((messages) => messages.categories || {})
    .catch(() => ({}));

  /** One entry: when the log received it, what was chosen, which categories were allowed. */
  async function entry(event) {
    const names = await titles;
    const allowed = Object.keys(event.categories)
      .filter((id) => event.categories[id] === true)
      .map((id) => (Object.hasOwn(names, id) && names[id].title) || id);
    const item = document.createElement('li');
    const when = document.createElement('time');
    when.dateTime = event.receivedAt;
    when.textContent = time.format(new Date(event.receivedAt));
    const what = document.createElement('span');
    what.textContent = ` – ${text[event.action.replace(/-(\w)/g, (_, c) => c.toUpperCase())] || event.action}. ${text.allowed} ${allowed.join(', ')}.`;
    item.append(when, what);
    return item;
  }

  /** Loads and shows the history; after a decision, waits (briefly) until the log has it. */
  async function render(waitFor) {
    const consent = window.Samtykke && window.Samtykke.getConsent();
    if (!consent) {
      list.replaceChildren();
      status.textContent = text.empty;
      return;
    }
    let events = [];
    for (let attempt = 1; attempt <= 5; attempt++) {
      try {
        const res = await fetch(`/api/consents/${encodeURIComponent(consent.id)}`, { cache: 'no-store' });
        if (res.status !== 404 && !res.ok) throw new Error(`HTTP ${res.status}`);
        events = res.ok ? (await res.json()).events : [];
      } catch {
        status.textContent = text.error;
        return;
      }
      if (!waitFor || events.some((e) => e.eventId === waitFor)) break;
      await new Promise((resolve) => setTimeout(resolve, 400 * attempt));
    }
    list.replaceChildren(...(await Promise.all(events.slice().reverse().map(entry))));
    status.textContent = events.length ? '' : text.none;
  }

  document.addEventListener('samtykke-change', (e) => render(e.detail.event.eventId));
  render();
})();
