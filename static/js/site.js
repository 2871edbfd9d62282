/*
 * Progressive enhancement only: every feature here has a plain-HTML fallback.
 *
 * 1. "Show More" in a [data-stream] list fetches the next page as an HTML fragment
 *    (same address plus partial=1), appends its items, moves focus to the first new
 *    item, announces it in the list's live region and puts the page's address in the
 *    location bar, so a reload or a shared link shows what the reader was reading.
 * 2. [data-video-facade] players load nothing from the video host until the reader
 *    presses play; without JavaScript the link to the video does the job.
 * 3. [data-live] lists (the News Feed, its strip) ask their data-live address every
 *    15–25 s what is new since data-live-since. New items go in at the top, marked, for a
 *    reader who has not scrolled into the list; one who has gets a "3 new items" button
 *    instead, as nothing may move under them. Edited items are redrawn, withdrawn ones
 *    removed; each change is announced politely. Polling pauses while the tab is hidden
 *    or the reader has been away for half an hour, and backs off when the site fails.
 *    The answer also brings the breaking-news bar, shown, changed or removed in place.
 *    Without JavaScript a reload shows the same.
 * 4. [data-support] prompts get their "Dismiss" button. Dismissing hides the prompt and
 *    remembers its id and version in localStorage, so no request or cookie is involved;
 *    a prompt dismissed before is hidden first thing, before the rest runs, and an
 *    edited one (a new version) shows again. Without JavaScript prompts simply show.
 *
 * Every word the script shows or announces comes from the page, in its language: the
 * #site-text JSON block ({% script_text %}, newsroom/templatetags/script_text.py), with
 * each count in all the plural forms of the language; the rule below picks one.
 */
(function () {
  "use strict";

  var TEXT = {};
  try {
    TEXT = JSON.parse(document.getElementById("site-text").textContent);
  } catch (error) {
    // No words on this page: announcements stay empty.
  }

  // The index of a count's plural form, as the catalogs' Plural-Forms give it.
  var PLURAL_RULES = {
    en: function (n) { return n === 1 ? 0 : 1; },
    uk: function (n) { return n % 10 === 1 && n % 100 !== 11 ? 0 : n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 10 || n % 100 >= 20) ? 1 : 2; }
  };

  // TEXT[name] with its %(placeholders)s filled from values; a count picks its form.
  function say(name, values) {
    var text = TEXT[name] || "";
    if (Array.isArray(text)) {
      var rule = PLURAL_RULES[String(TEXT.language).split("-")[0]] || PLURAL_RULES.en;
      text = text[Math.min(rule(values.count), text.length - 1)];
    }
    return text.replace(/%\((\w+)\)s/g, function (match, key) {
      return values[key];
    });
  }

  function enhancePrompts() {
    document.querySelectorAll("[data-support]").forEach(function (prompt) {
      var key = "support:" + prompt.dataset.support;
      var version = prompt.dataset.supportVersion;
      try {
        if (localStorage.getItem(key) === version) {
          prompt.hidden = true;
          return;
        }
      } catch (error) {
        // Storage is blocked: a dismissal could not be remembered, so none is offered.
        return;
      }
      var button = prompt.querySelector("[data-support-dismiss]");
      button.hidden = false;
      button.addEventListener("click", function () {
        try {
          localStorage.setItem(key, version);
        } catch (error) {
          // Full or blocked since: hidden for this page view only.
        }
        prompt.hidden = true;
      });
    });
  }

  // First, so that a dismissed prompt never gets drawn.
  enhancePrompts();

  function fragmentUrl(href) {
    var url = new URL(href, window.location.href);
    url.searchParams.set("partial", "1");
    return url;
  }

  function showMore(stream, link) {
    var items = stream.querySelector("[data-stream-items]");
    var more = stream.querySelector("[data-stream-more]");
    var status = stream.querySelector("[data-stream-status]");
    var href = link.href;
    link.setAttribute("aria-busy", "true");
    link.textContent = say("loading", {});

    fetch(fragmentUrl(href), { headers: { Accept: "text/html" }, credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("HTTP " + response.status);
        }
        return response.text();
      })
      .then(function (html) {
        var page = new DOMParser().parseFromString(html, "text/html");
        var newItems = page.querySelectorAll("[data-stream-items] > li");
        var firstNew = null;
        var count = 0;
        newItems.forEach(function (item) {
          var adopted = document.importNode(item, true);
          items.appendChild(adopted);
          if (adopted.classList.contains("feed-item")) {
            count += 1;
            firstNew = firstNew || adopted;
          }
        });
        var nextMore = page.querySelector("[data-stream-more]");
        more.innerHTML = nextMore ? nextMore.innerHTML : "";
        if (firstNew) {
          firstNew.setAttribute("tabindex", "-1");
          firstNew.focus();
        }
        status.textContent = count === 0 ? say("noMore", {}) : say("moreLoaded", { count: count });
        // replaceState, not pushState: Back leaves the list instead of stepping through
        // every "Show More" press, and the address still points at what is on screen.
        window.history.replaceState({ streamPage: href }, "", href);
      })
      .catch(function () {
        // Let the browser follow the link the ordinary way.
        window.location.href = href;
      });
  }

  function enhanceStreams() {
    document.querySelectorAll("[data-stream]").forEach(function (stream) {
      stream.addEventListener("click", function (event) {
        var link = event.target.closest("[data-stream-more] a");
        if (!link || event.defaultPrevented || event.button !== 0 ||
            event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
          return;
        }
        event.preventDefault();
        if (link.getAttribute("aria-busy") !== "true") {
          showMore(stream, link);
        }
      });
    });
  }

  function enhanceVideos() {
    document.querySelectorAll("[data-video-facade]").forEach(function (player) {
      var link = player.querySelector(".play-link");
      var button = document.createElement("button");
      button.type = "button";
      button.className = "play-button";
      button.textContent = say("playVideo", {});
      button.setAttribute("aria-label", say("playVideoTitled", { title: player.dataset.title }));
      player.appendChild(button);
      button.addEventListener("click", function () {
        var media;
        if (player.dataset.embedKind === "video") {
          media = document.createElement("video");
          media.controls = true;
          media.autoplay = true;
          media.src = player.dataset.embedSrc;
        } else {
          media = document.createElement("iframe");
          media.src = player.dataset.embedSrc;
          media.title = player.dataset.title;
          media.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
          media.referrerPolicy = "strict-origin-when-cross-origin";
        }
        media.className = "video-media";
        player.replaceChildren(media, link);
        media.focus();
      });
    });
  }

  var POLL_MS = 20000;
  var MAX_DELAY_MS = 300000;
  var IDLE_MS = 1800000;

  function element(html) {
    var holder = document.createElement("template");
    holder.innerHTML = html;
    return holder.content.firstElementChild;
  }

  function live(box) {
    var items = box.querySelector("[data-stream-items]");
    var status = box.querySelector("[data-stream-status]");
    var since = box.dataset.liveSince || "";
    var limit = parseInt(box.dataset.liveLimit, 10) || 0;
    var pending = [];
    var gap = false;
    var button = null;
    var delay = POLL_MS;
    var timer = null;
    var busy = false;
    var stopped = false;
    var activeAt = Date.now();

    function announce(message) {
      if (status) {
        status.textContent = message;
      }
    }

    function later(ms) {
      clearTimeout(timer);
      timer = null;
      if (!stopped && !document.hidden && Date.now() - activeAt < IDLE_MS) {
        // Jitter, so that pages opened together do not poll together.
        timer = setTimeout(poll, ms * (0.75 + Math.random() / 2));
      }
    }

    function poll() {
      timer = null;
      if (busy) {
        return;
      }
      busy = true;
      var url = new URL(box.dataset.live, window.location.href);
      if (since) {
        url.searchParams.set("since", since);
      }
      fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (response) {
          if (response.status === 400) {
            stopped = true;
          }
          if (!response.ok) {
            throw new Error("HTTP " + response.status);
          }
          return response.json();
        })
        .then(function (answer) {
          delay = POLL_MS;
          update(answer);
        })
        .catch(function () {
          delay = Math.min(delay * 2, MAX_DELAY_MS);
        })
        .then(function () {
          busy = false;
          later(delay);
        });
    }

    function forget(entry) {
      if (entry.contains(document.activeElement)) {
        items.tabIndex = -1;
        items.focus();
      }
      entry.remove();
    }

    function showBreaking(html) {
      var bar = document.querySelector(".breaking");
      var fresh = html ? element(html) : null;
      if (bar && fresh && bar.isEqualNode(fresh)) {
        return;
      }
      if (bar) {
        bar.remove();
      }
      if (fresh) {
        document.querySelector(".skip-link").after(fresh);
        announce(say("breaking", { headline: fresh.querySelector("a").textContent.trim() }));
      }
    }

    function update(answer) {
      showBreaking(answer.breaking || "");
      since = answer.cursor || since;
      var latest = {};
      answer.items.forEach(function (item) {
        latest[item.id] = item;
      });
      var shown = Array.prototype.slice.call(items.querySelectorAll("[data-item]"));
      var onPage = {};
      var last = -1;
      shown.forEach(function (entry, index) {
        onPage[entry.dataset.item] = true;
        if (latest[entry.dataset.item]) {
          last = index;
        }
      });
      var changes = 0;
      shown.forEach(function (entry, index) {
        var item = latest[entry.dataset.item];
        if (item && item.stamp !== entry.dataset.stamp) {
          var redrawn = element(item.html);
          entry.replaceWith(redrawn);
          if (entry.contains(document.activeElement)) {
            redrawn.tabIndex = -1;
            redrawn.focus();
          }
          changes += 1;
        } else if (!item && (index < last || !answer.items.length)) {
          // Withdrawn: it left the newest items while older ones stayed.
          forget(entry);
          changes += 1;
        }
      });
      tidyHeadings();
      gap = answer.gap;
      pending = answer.items.filter(function (item) {
        return item.new && !onPage[item.id];
      });
      if (pending.length && items.getBoundingClientRect().top >= 0 && !gap) {
        insert(false);
      } else if (pending.length) {
        offer();
      } else {
        withdrawOffer();
        if (changes) {
          announce(say("updated", { count: changes }));
        }
      }
    }

    // A day heading with no item left under it goes too.
    function tidyHeadings() {
      items.querySelectorAll(".feed-day").forEach(function (heading) {
        var next = heading.nextElementSibling;
        if (!next || next.matches(".feed-day")) {
          heading.remove();
        }
      });
    }

    function withdrawOffer() {
      if (button) {
        button.remove();
        button = null;
      }
    }

    function offer() {
      var count = { count: pending.length };
      var label = say(gap ? "moreThanNew" : "newItems", count);
      if (!button) {
        button = document.createElement("button");
        button.type = "button";
        button.className = "live-button";
        button.addEventListener("click", function () {
          if (gap) {
            window.location.reload();
          } else {
            insert(true);
          }
        });
        box.appendChild(button);
      }
      if (button.textContent !== label) {
        button.textContent = label;
        announce(say(gap ? "moreThanOffered" : "offered", count));
      }
    }

    function insert(moveFocus) {
      var batch = pending;
      pending = [];
      withdrawOffer();
      var empty = items.querySelector(".feed-empty");
      if (empty) {
        empty.remove();
      }
      var first = null;
      // Oldest first, each at the top: the newest ends up first.
      for (var index = batch.length - 1; index >= 0; index -= 1) {
        var item = batch[index];
        var entry = element(item.html);
        entry.classList.add("is-new");
        var top = items.firstElementChild;
        if (!box.hasAttribute("data-live-days")) {
          items.prepend(entry);
        } else if (top && top.matches(".feed-day") && top.firstElementChild.getAttribute("datetime") === item.day) {
          top.after(entry);
        } else {
          items.prepend(entry);
          entry.before(element(item.heading));
        }
        first = entry;
      }
      var entries = items.querySelectorAll("[data-item]");
      for (var extra = entries.length - 1; limit && extra >= limit; extra -= 1) {
        entries[extra].remove();
      }
      tidyHeadings();
      announce(say(moveFocus ? "shown" : "added", { count: batch.length }));
      if (moveFocus && first) {
        first.tabIndex = -1;
        first.focus();
      }
    }

    document.addEventListener("visibilitychange", function () {
      if (document.hidden) {
        clearTimeout(timer);
        timer = null;
      } else if (!timer) {
        // Back on the tab: catch up at once.
        poll();
      }
    });
    ["pointerdown", "keydown", "scroll", "touchstart"].forEach(function (name) {
      window.addEventListener(name, function () {
        var wasIdle = Date.now() - activeAt >= IDLE_MS;
        activeAt = Date.now();
        if (wasIdle && !timer) {
          poll();
        }
      }, { passive: true });
    });
    later(POLL_MS);
  }

  enhanceStreams();
  enhanceVideos();
  document.querySelectorAll("[data-live]").forEach(live);
})();
