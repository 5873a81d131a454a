// @ts-check
/* A rating on the scale of hooks/credential_guides/field_kinds/scale.py: "4 of 5". Pure. */
(() => {
  "use strict";

  /** The highest point (field_kinds/scale.py POINTS; tests/test_field_kinds.py holds the two equal). */
  const HIGHEST = 5;

  cgKinds.add("scale", {
    fits: (field, value) => value === "" || (typeof value === "string" && /^[1-9][0-9]*$/.test(value) && Number(value) <= HIGHEST),
    text(field, record) {
      const point = cgKinds.written(cgKinds.value(field, record), false);
      return point ? point + " of " + HIGHEST : "";
    },
  });
})();
