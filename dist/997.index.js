export const id = 997;
export const ids = [997];
export const modules = {

/***/ 9997:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ groupDigits),
/* harmony export */   L: () => (/* binding */ plural),
/* harmony export */   text: () => (/* binding */ text)
/* harmony export */ });
// Text helpers every layer uses: counts as people read them, and text made inert in markdown.
/** `10000` as `10,000`, without Intl: loading ICU's data to group digits cost every step ~90 ms. */
function groupDigits(count) {
    const [whole = '', fraction] = String(count).split('.');
    const sign = whole.startsWith('-') ? '-' : '';
    const digits = sign ? whole.slice(1) : whole;
    const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return `${sign}${grouped}${fraction !== undefined ? `.${fraction}` : ''}`;
}
/** "1 file", "2 files"; `plural` for irregular nouns. */
function plural(count, noun, pluralNoun = `${noun}s`) {
    return `${groupDigits(count)} ${count === 1 ? noun : pluralNoun}`;
}
/**
 * Plain text made inert: the characters that start emphasis, code, links, HTML or strike-through are
 * escaped, and so is a line start that would open a heading, quote or list; newlines become spaces.
 */
function text(value) {
    return value
        .replace(/\r?\n/g, ' ')
        .replace(/[\\`*_[\]|~]/g, (char) => `\\${char}`)
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/^(\s*)([#+-]|\d+[.)])/, '$1\\$2');
}


/***/ })

};

//# sourceMappingURL=997.index.js.map