/* The comment widget a newsroom embeds under an article:
   <div data-moderation-comments data-article="key" data-api="https://moderation.example"></div>
   It shows approved comments and a form (name, e-mail, comment: all required). Text is set with
   textContent only, so nothing a reader writes can run. */
(function () {
  "use strict";

  var script = document.currentScript;
  var scriptOrigin = script && script.src ? new URL(script.src, window.location.href).origin : window.location.origin;

  function el(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function field(label, attributes) {
    var wrapper = el("label", { "class": "mc-field" }, label);
    var input = el(attributes.rows ? "textarea" : "input", attributes);
    wrapper.appendChild(input);
    return wrapper;
  }

  // What a reader is told for the refusals a reader can cause (the problem's `code`); others show its detail.
  var REFUSALS = {
    invalid_request: "Please check your name, your e-mail address and your comment.",
    repeated_comment: "You have sent this comment already; it is with the moderators.",
    article_closed: "Comments on this article are closed.",
    rate_limited: "You are sending comments quickly; please wait a minute and try again.",
    invalid_parent: "The comment you answered is no longer available."
  };

  function uuid() {
    if (window.crypto && window.crypto.randomUUID) { return window.crypto.randomUUID(); }
    return String(Date.now()) + "-" + String(Math.random()).slice(2);
  }

  function mount(root) {
    var article = root.getAttribute("data-article");
    var base = (root.getAttribute("data-api") || scriptOrigin).replace(/\/$/, "");
    var commentsUrl = base + "/v1/articles/" + encodeURIComponent(article) + "/comments";
    root.classList.add("mc-widget");
    root.appendChild(el("h2", { "class": "mc-title" }, "Comments"));
    var list = el("ol", { "class": "mc-list", "aria-live": "polite" });
    var more = el("button", { "class": "mc-more", type: "button", hidden: "" }, "Older comments");
    root.appendChild(list);
    root.appendChild(more);

    var form = el("form", { "class": "mc-form", novalidate: "" });
    form.appendChild(el("h3", {}, "Add a comment"));
    form.appendChild(el("p", { "class": "mc-note" },
      "Every comment is read by a moderator before it is published. Your e-mail address is never shown."));
    form.appendChild(field("Name", { name: "author_name", required: "", maxlength: "100", autocomplete: "name" }));
    form.appendChild(field("E-mail", { name: "author_email", type: "email", required: "", maxlength: "254",
                                       autocomplete: "email" }));
    form.appendChild(field("Comment", { name: "body", rows: "5", required: "", maxlength: "5000", dir: "auto" }));
    var send = el("button", { type: "submit" }, "Send for moderation");
    form.appendChild(send);
    var message = el("p", { "class": "mc-message", role: "status" });
    form.appendChild(message);
    root.appendChild(form);

    var cursor = null;
    var idempotencyKey = uuid();
    var keyFor = null;  // the submission the key was made for: a retry of it keeps the key, an edit gets a new one

    function render(items) {
      items.forEach(function (item) {
        var entry = el("li", { "class": "mc-comment", "data-id": String(item.id) });
        var head = el("p", { "class": "mc-head" });
        head.appendChild(el("span", { "class": "mc-author", dir: "auto" }, item.author_name));
        head.appendChild(el("time", { datetime: item.submitted_at },
          new Date(item.submitted_at).toLocaleString()));
        entry.appendChild(head);
        entry.appendChild(el("p", { "class": "mc-body", dir: "auto" }, item.body));
        list.appendChild(entry);
      });
    }

    function load() {
      fetch(commentsUrl + "?limit=20" + (cursor ? "&cursor=" + encodeURIComponent(cursor) : ""))
        .then(function (r) { return r.json(); })
        .then(function (page) {
          render(page.items || []);
          cursor = page.next_cursor;
          if (cursor) { more.removeAttribute("hidden"); } else { more.setAttribute("hidden", ""); }
          if (!list.children.length) { list.appendChild(el("li", { "class": "mc-empty" }, "No comments yet.")); }
        })
        .catch(function () { message.textContent = "Comments could not be loaded."; });
    }

    more.addEventListener("click", load);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var data = {
        author_name: form.elements.author_name.value.trim(),
        author_email: form.elements.author_email.value.trim(),
        body: form.elements.body.value.trim()
      };
      if (!data.author_name || !data.author_email || !data.body) {
        message.textContent = "Please give your name, your e-mail address and your comment.";
        message.className = "mc-message mc-error";
        return;
      }
      var submission = JSON.stringify(data);
      if (submission !== keyFor) { idempotencyKey = uuid(); keyFor = submission; }
      send.disabled = true;
      fetch(commentsUrl, {
        method: "POST",
        headers: { "Content-Type": "application/json", "Idempotency-Key": idempotencyKey },
        body: submission
      }).then(function (response) {
        return response.json().then(function (payload) { return { ok: response.ok, payload: payload }; });
      }).then(function (result) {
        if (result.ok) {
          form.elements.body.value = "";
          keyFor = null;
          message.textContent = "Thank you. Your comment waits for moderation and appears here once a moderator approves it.";
          message.className = "mc-message mc-ok";
        } else {
          message.textContent = REFUSALS[result.payload.code] || result.payload.detail ||
            "Your comment could not be sent.";
          message.className = "mc-message mc-error";
        }
      }).catch(function () {
        message.textContent = "Your comment could not be sent; please try again.";
        message.className = "mc-message mc-error";
      }).then(function () { send.disabled = false; });
    });
    load();
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-moderation-comments]"), mount);
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
