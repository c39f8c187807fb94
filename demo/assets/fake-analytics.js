// A stand-in for an analytics tag such as Google Analytics, for the demo only. Samtykke runs it
// only once "Statistik" (or the service "Nordlys Statistik") is allowed; it sets _ga-like
// cookies, pings the local server and says on the page that it is running.
(function () {
  var twoYears = 60 * 60 * 24 * 730;
  var now = Math.floor(Date.now() / 1000);
  var visitor = 'GA1.1.' + Math.floor(Math.random() * 1e9) + '.' + now;
  document.cookie = '_ga=' + visitor + '; path=/; max-age=' + twoYears + '; SameSite=Lax';
  document.cookie = '_ga_XYZ=GS1.1.' + now + '.1.0.' + now + '.0.0.0; path=/; max-age=' + twoYears + '; SameSite=Lax';

  // The server answers 404 until it has a route for this; the request is what a tracker would send.
  var ping = '/demo/ping?v=' + encodeURIComponent(visitor) + '&p=' + encodeURIComponent(location.pathname);
  if (window.fetch) fetch(ping, { keepalive: true }).catch(function () {});

  var line = document.getElementById('demo-statistik');
  function cookieNames() {
    return document.cookie
      .split(';')
      .map(function (c) { return c.split('=')[0].trim(); })
      .filter(Boolean)
      .join(', ') || 'ingen';
  }
  function show(text) {
    if (line) line.textContent = text + ' Cookies på siden nu: ' + cookieNames() + '.';
  }
  show('Statistik kører: _ga og _ga_XYZ er sat, og der er sendt et ping.');

  // A real tag would not do this; the demo says what Samtykke did after a withdrawal.
  document.addEventListener('samtykke-change', function (e) {
    var consent = e.detail && e.detail.consent;
    if (consent && !consent.categories.analytics && !consent.services.statistik)
      // After Samtykke's own listeners, which delete the cookies.
      setTimeout(function () {
        show('Samtykket er trukket tilbage: Samtykke har slettet _ga-cookies. Scriptet er allerede kørt, men kører ikke igen ved næste sidevisning.');
      });
  });
})();
