export const id = 70;
export const ids = [70,689];
export const modules = {

/***/ 5689:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {


// The toolkit imports only these two names from undici. Each is looked up when first used, so the real
// module (installed as undici-actual) is evaluated only by the code paths that need it: proxies, the
// Actions cache service and the GitHub API.
let actual
const load = () => (actual ??= __webpack_require__(1917))
Object.defineProperties(module.exports, {
  ProxyAgent: { enumerable: true, get: () => load().ProxyAgent },
  fetch: { enumerable: true, get: () => load().fetch }
})
// Never runs: tells Node's (and jest's) static CommonJS export detection which names ES modules may import.
0 && (0)


/***/ })

};

//# sourceMappingURL=70.index.js.map