// Evaluated in the board page by board-layout.browser.int-spec.ts (plain JavaScript: the repository's
// TypeScript has no DOM types). Measures the masthead's blocks, every text in them, the rows, the
// footer and the smallest text on the page; the spec judges the numbers.
(() => {
  const boxOf = (rect) => ({ left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom });
  const visible = (element) => {
    const rect = element.getBoundingClientRect();
    return rect.width > 0 && rect.height > 0 && getComputedStyle(element).visibility !== 'hidden';
  };
  const textNodes = (root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const nodes = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode())
      if (node.textContent.trim() && node.parentElement && visible(node.parentElement)) nodes.push(node);
    return nodes;
  };
  /** Cut off: a box narrower than its content (ellipsis, hidden overflow, or text running out of it). */
  const clipped = (element) =>
    getComputedStyle(element).display !== 'inline' && element.scrollWidth > element.clientWidth;
  const blocks = [...document.querySelectorAll('.masthead .title-block, .masthead .kpi, .masthead .status')];
  const nameOf = (block) => block.getAttribute('aria-label') || block.className;
  const texts = blocks.flatMap((block) =>
    textNodes(block).map((node) => {
      const range = document.createRange();
      range.selectNodeContents(node);
      return {
        text: node.textContent.trim(),
        block: nameOf(block),
        box: boxOf(range.getBoundingClientRect()),
        clipped: clipped(node.parentElement),
      };
    }),
  );
  const sizes = textNodes(document.body).map((node) => ({
    text: node.textContent.trim(),
    fontSize: parseFloat(getComputedStyle(node.parentElement).fontSize),
  }));
  return {
    viewport: { width: innerWidth, height: innerHeight },
    blocks: blocks.map((block) => ({ name: nameOf(block), box: boxOf(block.getBoundingClientRect()) })),
    texts,
    rows: [...document.querySelectorAll('#rows .row')].map((row) => ({
      code: row.dataset.code,
      box: boxOf(row.getBoundingClientRect()),
    })),
    rowsArea: boxOf(document.getElementById('rows').getBoundingClientRect()),
    footer: boxOf(document.querySelector('.footer').getBoundingClientRect()),
    smallestText: sizes.reduce((smallest, size) => (size.fontSize < smallest.fontSize ? size : smallest)),
  };
})();
