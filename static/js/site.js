/*
 * Progressive enhancement only: every feature here has a plain-HTML fallback.
 *
 * 1. "Show More" in a [data-stream] list fetches the next page as an HTML fragment
 *    (same address plus partial=1), appends its items, moves focus to the first new
 *    item, announces it in the list's live region and puts the page's address in the
 *    location bar, so a reload or a shared link shows what the reader was reading.
 * 2. [data-video-facade] players load nothing from the video host until the reader
 *    presses play; without JavaScript the link to the video does the job.
 */
(function () {
  "use strict";

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
    link.textContent = "Loading…";

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
        status.textContent =
          count === 0
            ? "No more items."
            : count + " more item" + (count === 1 ? "" : "s") + " loaded.";
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
      button.textContent = "Play video";
      button.setAttribute("aria-label", "Play video: " + player.dataset.title);
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

  enhanceStreams();
  enhanceVideos();
})();
