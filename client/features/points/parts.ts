// What other pages show of the points: the More page's row and the thanks wall's entry.
export { MyPointsLink } from './MyPointsLink.tsx';
export { ThanksWallLink } from './ThanksWallLink.tsx';
