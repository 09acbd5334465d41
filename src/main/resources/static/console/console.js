// The console: every call goes to the service's own API, with the key kept for this
// browser session only. Lists page with the API's cursors; nothing loads a whole inventory.
(() => {
  'use strict';
  const KEY = 'preverified-api-key';
  const state = { admin: false, after: {} };
  const $ = (selector) => document.querySelector(selector);
  // every id in a path is encoded: ids come from upstream and could hold '/', '?' or '#'
  const path = (...segments) => '/api/v1/' + segments.map((segment) => encodeURIComponent(String(segment))).join('/');

  function el(tag, attributes = {}, ...children) {
    const node = document.createElement(tag);
    Object.entries(attributes).forEach(([name, value]) => {
      if (name === 'onclick') node.addEventListener('click', value);
      else node.setAttribute(name, value);
    });
    children.flat().forEach((child) => node.append(child instanceof Node ? child : document.createTextNode(child ?? '')));
    return node;
  }

  function svg(tag, attributes) {
    const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
    Object.entries(attributes).forEach(([name, value]) => node.setAttribute(name, value));
    return node;
  }

  function status(message, isError) {
    const area = $('#status');
    area.textContent = message || '';
    area.className = isError ? 'error' : '';
  }

  async function api(method, path, body) {
    const headers = { Accept: 'application/json' };
    const key = sessionStorage.getItem(KEY);
    if (key) headers.Authorization = 'Bearer ' + key;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(path, { method, headers, body: body !== undefined ? JSON.stringify(body) : undefined });
    const text = await response.text();
    const json = text ? JSON.parse(text) : null;
    if (!response.ok) {
      const error = new Error((json && json.detail) || ('HTTP ' + response.status));
      error.status = response.status;
      throw error;
    }
    return json;
  }

  // runs an action from a button: disabled while it runs, its result or problem shown
  async function act(button, label, action) {
    button.disabled = true;
    status(label + '...');
    try {
      await action();
      status(label + ': done');
    } catch (error) {
      status(error.message, true);
    } finally {
      button.disabled = false;
    }
  }

  const time = (value) => (value ? new Date(value).toISOString().replace('T', ' ').slice(0, 16) + ' UTC' : '');
  const button = (label, onclick, extra = {}) => el('button', Object.assign({ type: 'button', onclick }, extra), label);

  async function start() {
    try {
      const session = await api('GET', '/api/v1/session');
      state.admin = session.role === 'ADMIN';
      $('#who').textContent = session.open ? 'Open API (no keys configured)' : 'Key ' + session.key_name + ' (' + session.role + ')';
      $('#sign-out').hidden = session.open;
      $('#key-form').hidden = true;
      $('#console').hidden = false;
      await Promise.all([businesses(), chart(), alerts(true), runs(true), reservations(true), renewals(true), inbox(true), claims(true)]);
    } catch (error) {
      if (error.status === 401) {
        $('#console').hidden = true;
        $('#key-form').hidden = false;
        if (sessionStorage.getItem(KEY)) $('#key-error').textContent = 'That key was not accepted.';
        sessionStorage.removeItem(KEY);
        $('#api-key').focus();
      } else {
        status(error.message, true);
      }
    }
  }

  async function businesses() {
    const list = await api('GET', '/api/v1/businesses');
    const body = $('#businesses tbody');
    body.replaceChildren();
    chooseBusiness($('#chart-business'), list.data, [el('option', { value: '' }, 'All')]);
    chooseBusiness($('#pool-business'), list.data, []);
    chooseBusiness($('#reservation-business'), list.data, []);
    for (const business of list.data) {
      const counts = business.numbers.by_status;
      const [next, held] = await Promise.all([
        api('GET', '/api/v1/alerts?limit=1&business_id=' + encodeURIComponent(business.id)),
        api('GET', '/api/v1/reservations?state=HELD&limit=100&business_id=' + encodeURIComponent(business.id))]);
      const run = business.last_run;
      const runCell = run ? [run.status + ' ' + time(run.finished_at || run.started_at),
        run.error ? el('div', { class: 'error-text' }, run.error.message) : ''] : 'never';
      const actions = el('td', { class: 'actions' });
      const label = business.name || business.id;
      if (state.admin && !business.paused) {
        actions.append(button('Sync now', (event) => act(event.target, 'Sync of ' + business.id, () => follow(business.id)),
          { 'aria-label': 'Sync ' + label + ' now' }));
      }
      // only businesses added through the API change here; the configuration's change there
      if (state.admin && business.source === 'API') {
        actions.append(button(business.paused ? 'Resume' : 'Pause', (event) => act(event.target,
          (business.paused ? 'Resume ' : 'Pause ') + label, async () => {
            await api('PATCH', path('businesses', business.id), { paused: !business.paused });
            await businesses();
          }), { 'aria-label': (business.paused ? 'Resume ' : 'Pause ') + label }));
        const token = el('input', { id: 'token-' + business.id, class: 'secret', autocomplete: 'off', spellcheck: 'false',
          'data-1p-ignore': '', 'data-lpignore': 'true', size: '16' });
        actions.append(el('span', { class: 'rotate' }, el('label', { for: 'token-' + business.id }, 'New token'), token,
          button('Rotate token', (event) => act(event.target, 'Rotate the token of ' + label, async () => {
            await api('PATCH', path('businesses', business.id), { access_token: token.value });
            token.value = '';
            await businesses();
          }), { 'aria-label': 'Rotate the token of ' + label })));
      }
      const tokenCell = el('td', { class: 'token' }, business.token_status + (business.paused ? ' (paused)' : ''),
        business.token_error ? el('div', { class: 'error-text' }, business.token_error) : '');
      body.append(el('tr', { 'data-business': business.id },
        el('th', { scope: 'row' }, business.name ? business.name + ' (' + business.id + ')' : business.id),
        el('td', { 'data-count': 'VERIFIED' }, String(counts.VERIFIED || 0)),
        el('td', { 'data-count': 'NOT_VERIFIED' }, String(counts.NOT_VERIFIED || 0)),
        el('td', { 'data-count': 'EXPIRED' }, String(counts.EXPIRED || 0)),
        el('td', {}, String(held.data.reduce((sum, reservation) => sum + reservation.numbers.length, 0))),
        // what Embedded Signup can still offer, and for how long at the pace of the last 30 days
        el('td', { class: 'pool' }, business.pool ? String(business.pool.offerable) + (business.pool.days_until_empty != null
          ? ' (' + Math.floor(business.pool.days_until_empty) + ' days)' : '') : ''),
        el('td', {}, next.data.length ? time(next.data[0].verification_expiry_time) : ''),
        el('td', {}, runCell), tokenCell, actions));
    }
    $('#business-form').hidden = !state.admin;
    $('#reservation-form').hidden = !state.admin;
    await Promise.all([pool(), reservationCountries()]);
  }

  // a select of the businesses that keeps what was chosen across redraws
  function chooseBusiness(select, list, first) {
    const chosen = select.value;
    select.replaceChildren(...first, ...list.map((business) => el('option', { value: business.id }, business.name || business.id)));
    if ([...select.options].some((option) => option.value === chosen)) select.value = chosen;
  }

  const country = (part) => (part.country_calling_code ? '+' + part.country_calling_code : 'No E.164 number');

  // one business's pool: what it can offer in each country, and how that moved hour by hour
  async function pool() {
    const business = $('#pool-business').value;
    const trend = $('#pool-trend');
    const body = $('#pool-countries tbody');
    // drawn only once read, so that two reads at once do not draw twice
    const detail = business ? await api('GET', path('businesses', business, 'pool') + '?days=14') : null;
    trend.querySelectorAll('polyline').forEach((node) => node.remove());
    body.replaceChildren();
    $('#pool-summary').textContent = '';
    if (!detail) return;
    // the line ends at the pool as it is now, whatever the last hour's reading said
    const readings = detail.trend.concat([{ at: new Date().toISOString(), offerable: detail.pool.offerable, held: detail.pool.held }]);
    const pool = detail.pool;
    let summary = pool.offerable + ' offerable, ' + pool.held + ' held, ' + pool.claimed_last_30d + ' claimed in 30 days'
      + (pool.days_until_empty != null ? ', empty in ' + Math.floor(pool.days_until_empty) + ' days at that pace' : '');
    if (detail.trend.length) {
      const start = Date.parse(readings[0].at);
      const span = Math.max(1, Date.parse(readings[readings.length - 1].at) - start);
      const max = Math.max(1, ...readings.map((reading) => reading.offerable + reading.held));
      for (const series of ['offerable', 'held']) {
        const points = readings.map((reading) => (600 * (Date.parse(reading.at) - start) / span).toFixed(1) + ','
          + (88 - 84 * reading[series] / max).toFixed(1)).join(' ');
        trend.append(svg('polyline', { class: series, points, 'data-readings': String(detail.trend.length) }));
      }
      summary += '. Trend from ' + time(readings[0].at) + ' (' + readings[0].offerable + ' offerable), scale 0 to ' + max;
    } else {
      summary += '. No hourly reading yet';
    }
    $('#pool-summary').textContent = summary;
    for (const part of detail.by_country) {
      body.append(el('tr', { 'data-country': part.country_calling_code || '' }, el('th', { scope: 'row' }, country(part)),
        el('td', {}, part.region || ''), el('td', {}, String(part.offerable)), el('td', {}, String(part.held))));
    }
  }

  // the reservation form offers the countries the chosen business has numbers of
  async function reservationCountries() {
    const business = $('#reservation-business').value;
    const select = $('#reservation-country');
    const detail = business ? await api('GET', path('businesses', business, 'pool') + '?days=1') : null;
    const chosen = select.value;
    select.replaceChildren(el('option', { value: '' }, 'Any country'));
    if (!detail) return;
    for (const part of detail.by_country.filter((part) => part.country_calling_code)) {
      select.append(el('option', { value: part.country_calling_code },
        country(part) + ' ' + part.region + ' (' + part.offerable + ' offerable)'));
    }
    if ([...select.options].some((option) => option.value === chosen)) select.value = chosen;
  }

  async function reserve(event) {
    event.preventDefault();
    const submit = event.target.querySelector('button');
    await act(submit, 'Reserve', async () => {
      const reservation = await api('POST', '/api/v1/reservations', { business_id: $('#reservation-business').value,
        count: Number($('#reservation-count').value), country_calling_code: $('#reservation-country').value || null,
        reference: $('#reservation-reference').value || null });
      status('Reservation ' + reservation.id + ' holds ' + reservation.numbers.map((number) => number.phone_number).join(', '));
      await Promise.all([reservations(true), businesses()]);
    });
  }

  async function addBusiness(event) {
    event.preventDefault();
    const submit = event.target.querySelector('button');
    await act(submit, 'Add business ' + $('#business-id').value, async () => {
      await api('POST', '/api/v1/businesses', { id: $('#business-id').value, name: $('#business-name').value || null,
        access_token: $('#business-token').value });
      $('#business-token').value = '';
      event.target.reset();
      await businesses();
    });
  }

  // starts a run and follows it until it ends
  async function follow(businessId) {
    const run = await api('POST', path('businesses', businessId, 'sync'));
    let current = run;
    while (current.status === 'RUNNING') {
      status('Run ' + run.id + ' of ' + businessId + ': ' + current.pages + ' pages, ' + current.fetched + ' numbers so far');
      await new Promise((resolve) => setTimeout(resolve, 1000));
      current = await api('GET', path('sync-runs', run.id));
    }
    await Promise.all([businesses(), chart(), alerts(true), runs(true)]);
    if (current.status === 'FAILED') throw new Error('Run ' + run.id + ' failed: ' + (current.error ? current.error.message : ''));
  }

  async function chart() {
    const business = $('#chart-business').value;
    const weeks = await api('GET', '/api/v1/expiries?weeks=13' + (business ? '&business_id=' + encodeURIComponent(business) : ''));
    const totals = weeks.data.map((week) => Object.values(week.by_severity).reduce((a, b) => a + b, 0));
    const max = Math.max(1, ...totals);
    const area = $('#chart');
    area.replaceChildren();
    weeks.data.forEach((week, index) => {
      const bar = el('div', { class: 'bar', title: 'Week of ' + week.week_start.slice(0, 10) + ': ' + totals[index] + ' numbers' });
      bar.style.height = (100 * totals[index] / max) + '%';
      for (const severity of ['EXPIRED', 'CRITICAL', 'WARNING', 'REVERIFY_WINDOW']) {
        const count = week.by_severity[severity];
        if (count > 0) {
          const part = el('span', { class: severity });
          part.style.height = (100 * count / totals[index]) + '%';
          bar.append(part);
        }
      }
      bar.append(el('span', { class: 'label' }, week.week_start.slice(5, 10)));
      area.append(bar);
    });
  }

  function more(list, name, loader) {
    state.after[name] = list.paging && list.paging.next ? list.paging.cursors.after : null;
    const moreButton = $('#' + name + '-more');
    moreButton.hidden = !state.after[name];
    moreButton.onclick = () => loader(false);
  }

  async function alerts(fresh) {
    const severity = $('#alerts-severity').value;
    const after = fresh ? '' : '&after=' + encodeURIComponent(state.after.alerts);
    const list = await api('GET', '/api/v1/alerts?limit=20' + (severity ? '&severity=' + encodeURIComponent(severity) : '') + after);
    const body = $('#alerts tbody');
    if (fresh) body.replaceChildren();
    for (const alert of list.data) {
      const actions = el('td', { class: 'actions' });
      if (alert.kind === 'TOKEN') {
        // a business's own alert: it ends when the business has a token upstream accepts
        body.append(el('tr', { 'data-alert': String(alert.id), class: 'business-alert' },
          el('th', { scope: 'row' }, 'Token of ' + alert.business_id + ' rejected'), el('td', {}, alert.business_id),
          el('td', {}, ''), el('td', {}, alert.severity), el('td', { class: 'state' }, alert.state), actions));
        continue;
      }
      if (state.admin) {
        if (alert.state === 'FIRING') {
          actions.append(button('Acknowledge', (event) => act(event.target, 'Acknowledge alert ' + alert.id, async () => {
            await api('POST', path('alerts', alert.id, 'acknowledge'), { severity: alert.severity });
            await alerts(true);
          }), { 'aria-label': 'Acknowledge alert of ' + alert.phone_number }));
        }
        actions.append(button('Request code', (event) => act(event.target, 'Code for ' + alert.phone_number, async () => {
          await api('POST', path('numbers', alert.number_id, 'request-code'), { code_method: 'SMS' });
          row.querySelector('.verify').hidden = false;
        }), { 'aria-label': 'Request a code for ' + alert.phone_number }));
        const input = el('input', { id: 'code-' + alert.id, inputmode: 'numeric', autocomplete: 'one-time-code', size: '8' });
        actions.append(el('span', { class: 'verify', hidden: '' }, el('label', { for: 'code-' + alert.id }, 'Code'), input,
          button('Verify', (event) => act(event.target, 'Verify ' + alert.phone_number, async () => {
            await api('POST', path('numbers', alert.number_id, 'verify-code'), { code: input.value });
            await Promise.all([alerts(true), businesses(), chart()]);
          }), { 'aria-label': 'Verify the code of ' + alert.phone_number })));
      }
      const row = el('tr', { 'data-alert': String(alert.id) }, el('th', { scope: 'row' }, alert.phone_number),
        el('td', {}, alert.business_id), el('td', {}, time(alert.verification_expiry_time)),
        el('td', {}, alert.severity), el('td', { class: 'state' }, alert.state), actions);
      body.append(row);
    }
    more(list, 'alerts', alerts);
  }

  async function search(event) {
    event.preventDefault();
    const phone = $('#search-phone').value;
    const result = $('#search-result');
    result.replaceChildren();
    try {
      const list = await api('GET', '/api/v1/numbers?include_removed=true&limit=10&phone_number=' + encodeURIComponent(phone));
      if (!list.data.length) {
        result.append(el('p', {}, 'No number ' + phone + ' is known.'));
        return;
      }
      for (const number of list.data) {
        const [history, attempts] = await Promise.all([
          api('GET', path('numbers', number.id, 'history') + '?limit=10'),
          api('GET', path('numbers', number.id, 'verification-attempts') + '?limit=10')]);
        result.append(el('article', { class: 'number', 'data-number': number.id },
          el('h3', {}, number.phone_number + ' (' + number.id + ')'),
          el('p', {}, number.code_verification_status + ', expires ' + (time(number.verification_expiry_time) || 'never')
            + ', business ' + number.business_id + (number.removed_at ? ', removed ' + time(number.removed_at) + ' (' + number.removal_reason + ')' : '')
            + (number.held_by ? ', held by reservation ' + number.held_by : '')),
          number.claim ? el('p', { class: 'claim' }, 'Claimed ' + time(number.claim.claimed_at) + ' ('
            + number.claim.source + ')' + (number.claim.customer_business_id ? ' by business '
            + number.claim.customer_business_id : '') + (number.claim.waba_id ? ' into WABA ' + number.claim.waba_id : '')
            + (number.claim.reservation_id ? ', reservation ' + number.claim.reservation_id : '')) : '',
          el('h4', {}, 'History'),
          el('ul', {}, history.data.map((entry) => el('li', {}, time(entry.changed_at) + ' ' + (entry.cause || '') + ' '
            + ['code_verification_status', 'verification_expiry_time', 'removed_at'].filter((field) => entry[field])
              .map((field) => field + ': ' + entry[field].old + ' → ' + entry[field].new).join('; ')))),
          el('h4', {}, 'Verification attempts'),
          el('ul', {}, attempts.data.map((attempt) => el('li', {}, time(attempt.requested_at) + ' ' + attempt.action + ' '
            + attempt.outcome + (attempt.error ? ': ' + attempt.error.message : ''))))));
      }
    } catch (error) {
      status(error.message, true);
    }
  }

  async function runs(fresh) {
    const after = fresh ? '' : '&after=' + encodeURIComponent(state.after.runs);
    const list = await api('GET', '/api/v1/sync-runs?limit=10' + after);
    const body = $('#runs tbody');
    if (fresh) body.replaceChildren();
    for (const run of list.data) {
      body.append(el('tr', {}, el('th', { scope: 'row' }, String(run.id)), el('td', {}, run.business_id), el('td', {}, run.status),
        el('td', {}, time(run.started_at)), el('td', {}, String(run.fetched)), el('td', {}, String(run.removed)),
        el('td', {}, String(run.removals_held)), el('td', { class: 'error-text' }, run.error ? run.error.message : '')));
    }
    more(list, 'runs', runs);
  }

  async function reservations(fresh) {
    const after = fresh ? '' : '&after=' + encodeURIComponent(state.after.reservations);
    const list = await api('GET', '/api/v1/reservations?limit=10' + after);
    const body = $('#reservations tbody');
    if (fresh) body.replaceChildren();
    for (const reservation of list.data) {
      const actions = el('td', { class: 'actions' });
      if (state.admin && reservation.state === 'HELD') {
        actions.append(button('Release', (event) => act(event.target, 'Release reservation ' + reservation.id, async () => {
          await api('POST', path('reservations', reservation.id, 'release'));
          await reservations(true);
        }), { 'aria-label': 'Release reservation ' + reservation.id }));
      }
      body.append(el('tr', {}, el('th', { scope: 'row' }, String(reservation.id)), el('td', {}, reservation.business_id),
        el('td', {}, reservation.reference || ''), el('td', {}, reservation.state),
        el('td', {}, reservation.numbers.map((number) => number.phone_number).join(', ')),
        el('td', {}, time(reservation.expires_at)), actions));
    }
    more(list, 'reservations', reservations);
  }

  const RENEWAL_STATES = { REQUESTED: 'Requested', WAITING_FOR_CODE: 'Waiting for a code', RENEWED: 'Renewed', FAILED: 'Failed' };

  async function renewals(fresh) {
    const selected = $('#renewals-state').value;
    const after = fresh ? '' : '&after=' + encodeURIComponent(state.after.renewals);
    const list = await api('GET', '/api/v1/renewals?limit=20' + (selected ? '&state=' + encodeURIComponent(selected) : '') + after);
    const body = $('#renewals tbody');
    if (fresh) body.replaceChildren();
    for (const renewal of list.data) {
      body.append(el('tr', { 'data-renewal': renewal.number_id }, el('th', { scope: 'row' }, renewal.phone_number || renewal.number_id),
        el('td', {}, renewal.business_id), el('td', {}, renewal.code_verification_status || ''),
        el('td', {}, time(renewal.verification_expiry_time)), el('td', { class: 'state' }, RENEWAL_STATES[renewal.state] || renewal.state),
        el('td', {}, time(renewal.requested_at)), el('td', { class: 'error-text' }, renewal.error || '')));
    }
    more(list, 'renewals', renewals);
  }

  async function inbox(fresh) {
    const after = fresh ? '' : '&after=' + encodeURIComponent(state.after.inbox);
    const list = await api('GET', '/api/v1/inbound-messages?limit=10' + after);
    const body = $('#inbox tbody');
    if (fresh) body.replaceChildren();
    for (const message of list.data) {
      const actions = el('td', { class: 'actions' });
      // a code is never kept: a message that could not renew its number gets a new code
      if (state.admin && message.number_id && (message.outcome === 'REFUSED' || message.outcome === 'NO_PENDING_REQUEST')) {
        actions.append(button('Ask for a new code', (event) => act(event.target, 'New code for ' + message.to, async () => {
          await api('POST', path('inbound-messages', message.id, 'request-code'));
          await renewals(true);
        }), { 'aria-label': 'Ask for a new code for ' + message.to }));
      }
      body.append(el('tr', { 'data-message': String(message.id) }, el('th', { scope: 'row' }, time(message.received_at)),
        el('td', {}, message.to), el('td', {}, message.number_id || ''),
        el('td', { class: 'outcome' }, message.outcome || 'PROCESSING'),
        el('td', {}, message.body + (message.error ? ' (' + message.error.message + ')' : '')), actions));
    }
    more(list, 'inbox', inbox);
  }

  async function claims(fresh) {
    const after = fresh ? '' : '&after=' + encodeURIComponent(state.after.claims);
    const list = await api('GET', '/api/v1/claims?limit=10' + after);
    const body = $('#claims tbody');
    if (fresh) body.replaceChildren();
    for (const claim of list.data) {
      body.append(el('tr', { 'data-claim': claim.number_id }, el('th', { scope: 'row' }, claim.phone_number || claim.number_id),
        el('td', {}, claim.business_id), el('td', {}, claim.customer_business_id || ''), el('td', {}, claim.waba_id || ''),
        el('td', {}, claim.reservation_id ? String(claim.reservation_id) : ''), el('td', {}, claim.source),
        el('td', {}, time(claim.claimed_at))));
    }
    more(list, 'claims', claims);
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('#key-form').addEventListener('submit', (event) => {
      event.preventDefault();
      sessionStorage.setItem(KEY, $('#api-key').value);
      $('#api-key').value = '';
      start();
    });
    $('#sign-out').addEventListener('click', () => {
      sessionStorage.removeItem(KEY);
      $('#key-error').textContent = '';
      location.reload();
    });
    $('#search-form').addEventListener('submit', search);
    $('#business-form').addEventListener('submit', addBusiness);
    $('#reservation-form').addEventListener('submit', reserve);
    $('#pool-business').addEventListener('change', () => pool().catch((error) => status(error.message, true)));
    $('#reservation-business').addEventListener('change',
      () => reservationCountries().catch((error) => status(error.message, true)));
    $('#chart-business').addEventListener('change', () => chart().catch((error) => status(error.message, true)));
    $('#alerts-severity').addEventListener('change', () => alerts(true).catch((error) => status(error.message, true)));
    $('#renewals-state').addEventListener('change', () => renewals(true).catch((error) => status(error.message, true)));
    start();
  });
})();
