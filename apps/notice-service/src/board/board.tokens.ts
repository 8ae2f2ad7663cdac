/** Plain classes shared with the rebuild command are provided under these tokens. */
export const CARD_CALCULATOR = Symbol('CARD_CALCULATOR');
export const BOARD_PROJECTOR = Symbol('BOARD_PROJECTOR');
