// @ts-check
/* One of the published options, as chosen. Pure. */
(() => {
  "use strict";

  cgKinds.add("one", { text: (field, record) => cgKinds.written(cgKinds.value(field, record), false) });
})();
