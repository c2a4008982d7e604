"use strict";
exports.id = 22;
exports.ids = [22];
exports.modules = {

/***/ 87022:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  applyMarkdown: () => (/* binding */ applyMarkdown),
  applyReport: () => (/* binding */ applyReport),
  applySummaryHeading: () => (/* binding */ applySummaryHeading)
});

// EXTERNAL MODULE: ./src/report/markdown.ts
var markdown = __webpack_require__(54285);
// EXTERNAL MODULE: ./src/util/text.ts
var util_text = __webpack_require__(49997);
;// CONCATENATED MODULE: ./src/report/plan-graph.ts
/** Above this many tools the picture stops helping; the summary shows the table only. */
const GRAPH_LIMIT = 50;
const STYLES = {
    Create: { className: 'create', style: 'fill:#dafbe1,stroke:#1a7f37,color:#1f2328', legend: '\ud83d\udfe9 create' },
    Update: { className: 'update', style: 'fill:#fff8c5,stroke:#9a6700,color:#1f2328', legend: '\ud83d\udfe8 update' },
    Delete: { className: 'delete', style: 'fill:#ffebe9,stroke:#cf222e,color:#1f2328,stroke-dasharray:4 3', legend: '\ud83d\udfe5 delete' },
    Unchanged: { className: 'unchanged', style: 'fill:#f6f8fa,stroke:#8c959f,color:#57606a', legend: '\u2b1c unchanged' },
    Failed: { className: 'failed', style: 'fill:#ffebe9,stroke:#cf222e,color:#1f2328,stroke-width:3px', legend: '\u274c failed' }
};
/** A Mermaid label: quotes and the characters Mermaid reads as markup become entity codes. */
function label(text) {
    return `"${text.replace(/[#"<>]/g, (char) => `#${char.charCodeAt(0)};`)}"`;
}
/**
 * The plan as a Mermaid flowchart, in a fenced block GitHub renders: a node per tool labelled
 * `name.instanceID`, styled by its action; solid arrows for dependsOn, dotted ones for output references,
 * from the tool that runs first. `failedRef` marks the tool a run stopped at.
 */
function planFlowchart(graph, failedRef) {
    const ids = new Map(graph.nodes.map((node, index) => [node.ref, `t${index}`]));
    const lines = ['flowchart LR'];
    for (const node of graph.nodes)
        lines.push(`  ${ids.get(node.ref)}[${label(node.ref)}]`);
    const seen = new Set();
    for (const edge of graph.edges) {
        const from = ids.get(edge.from);
        const to = ids.get(edge.to);
        const id = `${from}>${to}`;
        if (!from || !to || seen.has(id))
            continue;
        seen.add(id);
        lines.push(`  ${from} ${edge.kind === 'dependsOn' ? '-->' : '-.->'} ${to}`);
    }
    const byClass = new Map();
    for (const node of graph.nodes) {
        const style = node.ref === failedRef ? 'Failed' : node.action;
        if (!byClass.has(style))
            byClass.set(style, []);
        byClass.get(style).push(ids.get(node.ref));
    }
    for (const [style, members] of byClass) {
        lines.push(`  classDef ${STYLES[style].className} ${STYLES[style].style}`);
        lines.push(`  class ${members.join(',')} ${STYLES[style].className}`);
    }
    const legend = Object.keys(STYLES).filter((style) => byClass.has(style)).map((style) => STYLES[style].legend);
    const kinds = new Set(graph.edges.map((edge) => edge.kind));
    const arrows = [kinds.has('dependsOn') ? 'solid arrow: dependsOn' : '', kinds.has('reference') ? 'dotted arrow: output reference' : '']
        .filter(Boolean)
        .map((part) => ` \u00b7 ${part}`)
        .join('');
    return `\`\`\`mermaid\n${lines.join('\n')}\n\`\`\`\n\n<sub>${legend.join(' \u00b7 ')}${arrows}</sub>`;
}

;// CONCATENATED MODULE: ./src/report/apply-report.ts



const ACTION_ICON = { Create: '\u2795 Create', Update: '\ud83d\udd04 Update', Delete: '\u2796 Delete' };
/** `name_instanceID` (the state key) as `name.instanceID`, the form configs and the graph use. */
const refOf = (key) => key.replace('_', '.');
function statusOf(outcome, index) {
    const failure = outcome.failure;
    if (!failure)
        return '\u2705 applied';
    if (index < failure.applied)
        return '\u2705 applied';
    return index === failure.applied ? '\u274c failed' : '\u23f8\ufe0f not run';
}
/** The plan as a markdown table: tool, action, reason, and what happened to it when the plan ran. */
function planTable(outcome) {
    const ran = !outcome.planOnly;
    const headers = ['Tool', 'Action', 'Reason', ...(ran ? ['Result'] : [])];
    const rows = outcome.plan.map((change, index) => [
        (0,markdown/* code */.aY)(refOf(change.key)),
        ACTION_ICON[change.action],
        (0,util_text.text)(change.reason),
        ...(ran ? [statusOf(outcome, index)] : [])
    ]);
    return (0,markdown/* table */.tp)(headers, rows);
}
/**
 * What a failed build left: its command as written and where its output is. What the command printed stays in
 * the log, which the runner masks; it never reaches the summary, a comment or a status, where nothing is
 * masked but the secrets this action knows (a token the build read from a file, folded or encoded, is not).
 */
function buildDetails(ref, build) {
    return (`Command (as written in the config):\n\n${(0,markdown/* fenced */.OF)(build.command, 'sh')}\n\n` +
        `Its output is in this step's log, in the group ${(0,markdown/* code */.aY)(`Build ${ref}`)}.`);
}
function headline(outcome) {
    const failure = outcome.failure;
    if (failure) {
        const saved = failure.applied === 0 ? 'No change was applied.' : `${(0,util_text/* plural */.L)(failure.applied, 'change')} before it applied and saved in the state.`;
        if (failure.build) {
            return `\u274c Tool ${(0,markdown/* code */.aY)(refOf(failure.key))} failed: its build ended with ${failure.build.exit}.\n\n${saved}\n\n${buildDetails(refOf(failure.key), failure.build)}`;
        }
        return `\u274c Tool ${(0,markdown/* code */.aY)(refOf(failure.key))} failed: ${(0,util_text.text)((0,markdown/* firstLine */.TM)(failure.error))}\n\n${saved}`;
    }
    if (outcome.changes === 0)
        return 'No changes: the state matches the config.';
    const changes = (0,util_text/* plural */.L)(outcome.changes, 'change');
    return outcome.planOnly ? `Plan: ${changes}, not applied (plan-only).` : `Applied ${changes}.`;
}
/** Headline, the plan as a graph (small configs) and as a table, and where the state lives. */
function applyMarkdown(outcome, heading) {
    const parts = [heading, headline(outcome)];
    if (outcome.changes > 0) {
        if (outcome.graph.nodes.length <= GRAPH_LIMIT) {
            parts.push(planFlowchart(outcome.graph, outcome.failure && refOf(outcome.failure.key)));
        }
        else {
            parts.push(`<sub>The plan has ${(0,util_text/* plural */.L)(outcome.graph.nodes.length, 'tool')}, more than a graph can show (${GRAPH_LIMIT}): the table lists every change.</sub>`);
        }
        parts.push(planTable(outcome));
    }
    parts.push(`State: ${(0,util_text.text)(outcome.stateDescription)} \u00b7 commit ${(0,markdown/* code */.aY)(outcome.commitHash)} \u00b7 ${(0,markdown/* seconds */.YA)(outcome.elapsedMs)}`);
    return `${parts.join('\n\n')}\n`;
}
function applySummaryHeading(outcome) {
    return `### S3 Asset Manager \u2014 apply${outcome.planOnly ? ' (plan only)' : ''}${outcome.failure ? ' failed' : ''}`;
}
function applyReport(outcome, instance) {
    const changes = (0,util_text/* plural */.L)(outcome.changes, 'change');
    const description = outcome.failure
        ? `apply failed at ${refOf(outcome.failure.key)}: ${outcome.failure.build ? `build ended with ${outcome.failure.build.exit}` : (0,markdown/* firstLine */.TM)(outcome.failure.error)}`
        : outcome.changes === 0
            ? 'no changes'
            : `${changes} ${outcome.planOnly ? 'planned' : 'applied'}`;
    return {
        state: outcome.failure ? 'failure' : 'success',
        description,
        markdown: applyMarkdown(outcome, `#### S3 Asset Manager \u00b7 ${(0,markdown/* code */.aY)(instance)} \u00b7 apply`),
        commit: outcome.commitHash
    };
}


/***/ })

};
;
//# sourceMappingURL=22.index.js.map