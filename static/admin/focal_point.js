/*
 * The photo form's focal point, set on the picture: a click puts it where the pointer is,
 * and on the focused picture the arrow keys move it (Shift for bigger steps). The two
 * number fields stay the record: the picture writes them, and typing in them moves the mark.
 */
(function () {
  "use strict";
  var STEP = 0.01;
  var BIG_STEP = 0.1;
  var KEYS = {ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1]};

  function clamp(value) {
    return Math.min(1, Math.max(0, value));
  }

  function attach(picker) {
    var image = picker.querySelector("img");
    var marker = picker.querySelector(".focal-picker__marker");
    var status = document.getElementById(picker.dataset.status);
    var inputs = {
      x: document.getElementById(picker.dataset.xInput),
      y: document.getElementById(picker.dataset.yInput),
    };
    if (!image || !inputs.x || !inputs.y) { return; }

    function current(axis) {
      var value = parseFloat(inputs[axis].value);
      return isNaN(value) ? 0.5 : clamp(value);
    }

    function show() {
      var x = current("x");
      var y = current("y");
      // CSSOM, not a style attribute: the Content-Security-Policy allows no inline styles.
      marker.style.left = x * 100 + "%";
      marker.style.top = y * 100 + "%";
      status.textContent = "Focal point: " + Math.round(x * 100) + "% from the left, " +
        Math.round(y * 100) + "% from the top.";
    }

    function set(x, y) {
      inputs.x.value = clamp(x).toFixed(3);
      inputs.y.value = clamp(y).toFixed(3);
      [inputs.x, inputs.y].forEach(function (input) {
        input.dispatchEvent(new Event("change", {bubbles: true}));
      });
      show();
    }

    image.addEventListener("click", function (event) {
      var box = image.getBoundingClientRect();
      set((event.clientX - box.left) / box.width, (event.clientY - box.top) / box.height);
    });
    image.addEventListener("keydown", function (event) {
      var move = KEYS[event.key];
      if (!move) { return; }
      event.preventDefault();
      var step = event.shiftKey ? BIG_STEP : STEP;
      set(current("x") + move[0] * step, current("y") + move[1] * step);
    });
    inputs.x.addEventListener("input", show);
    inputs.y.addEventListener("input", show);

    image.tabIndex = 0;
    picker.classList.add("focal-picker--active");
    picker.parentElement.querySelectorAll("[data-focal-picker-only]").forEach(function (element) {
      element.hidden = false;
    });
    marker.hidden = false;
    show();
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-focal-picker]").forEach(attach);
  });
})();
