/** Plain classes shared with the rebuild command are provided under these tokens. */
export const CARD_CALCULATOR = Symbol('CARD_CALCULATOR');
export const BOARD_PROJECTOR = Symbol('BOARD_PROJECTOR');
/** The board's rules (calendar, due-soon threshold): the cards' and the department records'. */
export const FLAG_RULES = Symbol('FLAG_RULES');
