/* Runs first in an iframe-worker frame (see iframe-worker-shim.js): gives the
   worker script the worker globals it expects. From iframe-worker 1.0.4's shim,
   MIT License, Copyright (c) 2020-2022 Martin Donath. */
"use strict";
(function () {
  var worker = document.currentScript.getAttribute("data-worker");
  window.postMessage = function (message, origin) {
    parent.postMessage(message, origin || "*");
  };
  window.importScripts = function () {
    return Array.prototype.reduce.call(arguments, function (loaded, url) {
      return loaded.then(function () {
        return new Promise(function (resolve) {
          var script = document.createElement("script");
          script.src = url;
          script.onload = resolve;
          document.body.appendChild(script);
        });
      });
    }, Promise.resolve());
  };
  addEventListener("error", function (event) {
    parent.dispatchEvent(new ErrorEvent("error", { filename: worker, error: event.error }));
  });
})();
