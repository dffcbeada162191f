/* The moderators' keyboard: j/k move, a approves, r opens the reasons (digits pick, Enter confirms),
   x selects for bulk, u undoes within a few seconds (before the decision is sent), ? shows the keys. */
(function () {
  "use strict";

  var csrf = (document.querySelector('meta[name="csrf-token"]') || {}).content || "";
  var cards = Array.prototype.slice.call(document.querySelectorAll(".card[data-id]"));
  if (!cards.length) { return; }
  var queue = document.getElementById("queue");
  var undoMs = 1000 * Number((queue && queue.dataset.undoSeconds) || 3);
  var reasonsBox = document.getElementById("reasons");
  var helpBox = document.getElementById("help");
  var current = 0;
  var pending = [];
  var rejecting = null;

  function live() { return cards.filter(function (c) { return !c.classList.contains("decided"); }); }

  function focus(card) {
    if (!card) { return; }
    cards.forEach(function (c) { c.classList.remove("current"); });
    card.classList.add("current");
    card.focus({ preventScroll: true });
    card.scrollIntoView({ block: "nearest" });
    current = cards.indexOf(card);
  }

  function step(direction) {
    for (var i = current + direction; i >= 0 && i < cards.length; i += direction) {
      if (!cards[i].classList.contains("decided")) { focus(cards[i]); return; }
    }
  }

  function say(card, text, kind) {
    var status = card.querySelector(".status");
    if (status) { status.textContent = text; status.className = "status " + (kind || ""); }
  }

  function targets() {
    var picked = live().filter(function (c) { var box = c.querySelector(".pick"); return box && box.checked; });
    if (picked.length) { return picked; }
    var card = cards[current];
    return card && !card.classList.contains("decided") ? [card] : [];
  }

  function send(method, url, body, keepalive) {
    return fetch(url, {
      method: method, credentials: "same-origin", keepalive: !!keepalive,
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrf },
      body: body ? JSON.stringify(body) : undefined
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (payload) {
        if (!response.ok) { throw new Error(payload.detail || response.statusText); }
        return payload;
      });
    });
  }

  function decide(decision, reasons) {
    var chosen = targets();
    if (!chosen.length) { return; }
    var entry = { cards: chosen, decision: decision, reasons: reasons || [] };
    chosen.forEach(function (card) {
      card.classList.add("decided");
      var box = card.querySelector(".pick");
      if (box) { box.checked = false; }
      say(card, (decision === "approve" ? "Approving" : "Rejecting") + " — press u to undo", "waiting");
    });
    entry.timer = window.setTimeout(function () { commit(entry, false); }, undoMs);
    pending.push(entry);
    step(1);
    if (cards[current].classList.contains("decided")) { step(-1); }
  }

  function commit(entry, keepalive) {
    pending.splice(pending.indexOf(entry), 1);
    var ids = entry.cards.map(function (c) { return Number(c.dataset.id); });
    // An appeal is settled by an admin's reversal, one comment at a time (the route refuses the admin whose
    // decision is appealed, and says so on the card).
    var request = queue && queue.dataset.settle === "reversal"
      ? Promise.all(ids.map(function (id) {
          return send("POST", "/v1/moderation/comments/" + id + "/reversal",
                      { decision: entry.decision, reasons: entry.reasons }, keepalive)
            .then(function () { return { ok: true }; },
                  function (error) { return { ok: false, error: error.message }; });
        })).then(function (results) { return { results: results }; })
      : ids.length === 1
      ? send("POST", "/v1/moderation/comments/" + ids[0] + "/decision",
             { decision: entry.decision, reasons: entry.reasons }, keepalive)
      : send("POST", "/v1/moderation/decisions", { decisions: ids.map(function (id) {
          return { comment_id: id, decision: entry.decision, reasons: entry.reasons };
        }) }, keepalive);
    request.then(function (payload) {
      var results = payload.results || [{ ok: true }];
      entry.cards.forEach(function (card, i) {
        var result = results[i] || { ok: true };
        if (result.ok) {
          card.classList.add("done");
          card.dataset.decision = entry.decision;
          say(card, entry.decision === "approve" ? "Approved" : "Rejected", "ok");
          adjustCount("total", -1);
        } else {
          card.classList.remove("decided");
          say(card, result.error || "Not decided", "error");
        }
      });
    }).catch(function (error) {
      entry.cards.forEach(function (card) { card.classList.remove("decided"); say(card, error.message, "error"); });
    });
  }

  function undo() {
    var entry = pending.pop();
    if (!entry) { return; }
    window.clearTimeout(entry.timer);
    entry.cards.forEach(function (card) { card.classList.remove("decided"); say(card, "Undone", ""); });
    focus(entry.cards[0]);
  }

  function openReasons() {
    var chosen = targets();
    if (!chosen.length || !reasonsBox) { return; }
    var flagged = (chosen[0].dataset.codes || "").split(" ");
    reasonsBox.querySelectorAll("input[type=checkbox]").forEach(function (box) {
      box.checked = flagged.indexOf(box.value) >= 0;
    });
    rejecting = chosen;
    reasonsBox.hidden = false;
  }

  function closeReasons() { if (reasonsBox) { reasonsBox.hidden = true; } rejecting = null; }

  function confirmReasons() {
    var reasons = [];
    reasonsBox.querySelectorAll("input[type=checkbox]").forEach(function (box) {
      if (box.checked) { reasons.push(box.value); }
    });
    if (!reasons.length) { reasonsBox.querySelector("h2").textContent = "Pick at least one reason"; return; }
    closeReasons();
    decide("reject", reasons);
  }

  function adjustCount(code, delta) {
    var node = document.querySelector('[data-count="' + code + '"]');
    if (node) { node.textContent = String(Math.max(0, Number(node.textContent) + delta)); }
  }

  function refreshCounts() {
    fetch("/v1/moderation/queue?limit=1", { credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (page) {
        if (!page) { return; }
        Object.keys(page.counts).forEach(function (code) {
          var node = document.querySelector('[data-count="' + code + '"]');
          if (node) { node.textContent = String(page.counts[code]); }
        });
      }).catch(function () {});
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    if (reasonsBox && !reasonsBox.hidden) {
      if (/^[1-9]$/.test(event.key)) {
        var box = reasonsBox.querySelectorAll("input[type=checkbox]")[Number(event.key) - 1];
        if (box) { box.checked = !box.checked; }
      } else if (event.key === "Enter") { confirmReasons(); } else if (event.key === "Escape") { closeReasons(); }
      event.preventDefault();
      return;
    }
    var target = event.target;
    if (target && /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName) && target.type !== "checkbox") { return; }
    switch (event.key) {
      case "j": step(1); break;
      case "k": step(-1); break;
      case "a": decide("approve", []); break;
      case "r": openReasons(); break;
      case "u": undo(); break;
      case "x": {
        var card = cards[current];
        var pick = card && card.querySelector(".pick");
        if (pick) { pick.checked = !pick.checked; }
        break;
      }
      case "o": {
        var link = cards[current] && cards[current].querySelector("a[href]");
        if (link) { window.location.href = link.href; }
        break;
      }
      case "?": if (helpBox) { helpBox.hidden = !helpBox.hidden; } break;
      case "Escape": if (helpBox) { helpBox.hidden = true; } break;
      default: return;
    }
    event.preventDefault();
  });

  cards.forEach(function (card) {
    card.addEventListener("click", function (event) {
      if (event.target.tagName !== "A" && event.target.tagName !== "INPUT") { focus(card); }
    });
  });
  window.addEventListener("pagehide", function () {
    pending.slice().forEach(function (entry) { window.clearTimeout(entry.timer); commit(entry, true); });
  });
  window.setInterval(refreshCounts, 15000);
  focus(cards[0]);
  window.moderation = { pending: function () { return pending.length; } };
})();
