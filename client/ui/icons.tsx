import type { JSX } from 'solid-js';

/** Line icons in currentColor; always shown beside words, so hidden from screen readers. */
function Svg(props: { children: JSX.Element; size?: number }) {
  return (
    <svg
      class="icon"
      width={props.size ?? 28}
      height={props.size ?? 28}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      stroke-width="2"
      stroke-linecap="round"
      stroke-linejoin="round"
      aria-hidden="true"
    >
      {props.children}
    </svg>
  );
}

export type IconProps = { size?: number };
export type IconComponent = (props: IconProps) => JSX.Element;

export const IconAgenda: IconComponent = (p) => (
  <Svg size={p.size}>
    <path d="M21 12a8 8 0 0 1-11.6 7.1L4 20l1.2-4.3A8 8 0 1 1 21 12z" />
    <path d="M8.5 10.5h7M8.5 14h4.5" />
  </Svg>
);
export const IconRosters: IconComponent = (p) => (
  <Svg size={p.size}>
    <path d="M12 20s-7-4.4-7-9.5A4 4 0 0 1 12 8a4 4 0 0 1 7 2.5C19 15.6 12 20 12 20z" />
  </Svg>
);
export const IconLedger: IconComponent = (p) => (
  <Svg size={p.size}>
    <rect x="4" y="3" width="16" height="18" rx="2" />
    <path d="M9 7l3 4 3-4M12 11v6M9.5 12.5h5M9.5 15h5" />
  </Svg>
);
export const IconMeetings: IconComponent = (p) => (
  <Svg size={p.size}>
    <rect x="3.5" y="5" width="17" height="15" rx="2" />
    <path d="M3.5 10h17M8 3v4M16 3v4" />
  </Svg>
);
export const IconMore: IconComponent = (p) => (
  <Svg size={p.size}>
    <circle cx="5" cy="12" r="1.5" />
    <circle cx="12" cy="12" r="1.5" />
    <circle cx="19" cy="12" r="1.5" />
  </Svg>
);
export const IconMembers: IconComponent = (p) => (
  <Svg size={p.size}>
    <circle cx="9" cy="8" r="3.5" />
    <path d="M2.5 20a6.5 6.5 0 0 1 13 0M16 4.5a3.5 3.5 0 0 1 0 7M18 14.5a6.5 6.5 0 0 1 3.5 5.5" />
  </Svg>
);
export const IconSettings: IconComponent = (p) => (
  <Svg size={p.size}>
    <circle cx="12" cy="12" r="3" />
    <path d="M12 2.5v3M12 18.5v3M4.2 7l2.6 1.5M17.2 15.5l2.6 1.5M4.2 17l2.6-1.5M17.2 8.5l2.6-1.5" />
  </Svg>
);
export const IconHome: IconComponent = (p) => (
  <Svg size={p.size}>
    <path d="M3.5 11 12 4l8.5 7M6 9.5V20h12V9.5M10 20v-5h4v5" />
  </Svg>
);
export const IconBack: IconComponent = (p) => (
  <Svg size={p.size}>
    <path d="M15 5l-7 7 7 7" />
  </Svg>
);
export const IconPlus: IconComponent = (p) => (
  <Svg size={p.size}>
    <path d="M12 5v14M5 12h14" />
  </Svg>
);
export const IconCheck: IconComponent = (p) => (
  <Svg size={p.size}>
    <path d="M4.5 12.5l5 5 10-11" />
  </Svg>
);
export const IconOffline: IconComponent = (p) => (
  <Svg size={p.size}>
    <path d="M7 18h10.5a4 4 0 0 0 .6-7.95A6 6 0 0 0 7.3 8.5 4.8 4.8 0 0 0 7 18zM3 3l18 18" />
  </Svg>
);
export const IconConnecting: IconComponent = (p) => (
  <Svg size={p.size}>
    <path d="M20 12a8 8 0 0 1-13.7 5.7M4 12a8 8 0 0 1 13.7-5.7M18 3v4h-4M6 21v-4h4" />
  </Svg>
);
export const IconUpload: IconComponent = (p) => (
  <Svg size={p.size}>
    <path d="M12 16V4M7 9l5-5 5 5M4 20h16" />
  </Svg>
);
export const IconAlert: IconComponent = (p) => (
  <Svg size={p.size}>
    <path d="M12 3 2.5 20h19L12 3zM12 10v4.5M12 17.5v.01" />
  </Svg>
);
export const IconCopy: IconComponent = (p) => (
  <Svg size={p.size}>
    <rect x="8" y="8" width="12" height="12" rx="2" />
    <path d="M16 8V5a1 1 0 0 0-1-1H5a1 1 0 0 0-1 1v10a1 1 0 0 0 1 1h3" />
  </Svg>
);
export const IconShare: IconComponent = (p) => (
  <Svg size={p.size}>
    <circle cx="18" cy="5" r="2.5" />
    <circle cx="6" cy="12" r="2.5" />
    <circle cx="18" cy="19" r="2.5" />
    <path d="M8.2 10.8l7.6-4.4M8.2 13.2l7.6 4.4" />
  </Svg>
);
export const IconDownload: IconComponent = (p) => (
  <Svg size={p.size}>
    <path d="M12 4v12M7 11l5 5 5-5M4 20h16" />
  </Svg>
);
export const IconChevron: IconComponent = (p) => (
  <Svg size={p.size}>
    <path d="M9 5l7 7-7 7" />
  </Svg>
);
export const IconSwitch: IconComponent = (p) => (
  <Svg size={p.size}>
    <path d="M4 8h14l-3.5-3.5M20 16H6l3.5 3.5" />
  </Svg>
);

// Agenda and photos.
export const IconCamera: IconComponent = (p) => (
  <Svg size={p.size}>
    <path d="M4 8h3l2-3h6l2 3h3v11H4z" />
    <circle cx="12" cy="13" r="3.5" />
  </Svg>
);
export const IconImage: IconComponent = (p) => (
  <Svg size={p.size}>
    <rect x="3.5" y="4.5" width="17" height="15" rx="2" />
    <circle cx="9" cy="10" r="1.8" />
    <path d="M4 18l5-5 4 4 3-3 4 4" />
  </Svg>
);
export const IconClock: IconComponent = (p) => (
  <Svg size={p.size}>
    <circle cx="12" cy="12" r="8.5" />
    <path d="M12 7.5V12l3 2" />
  </Svg>
);
/** A notice pinned up: the needs board (揭榜). */
export const IconBoard: IconComponent = (p) => (
  <Svg size={p.size}>
    <rect x="4" y="4" width="16" height="16" rx="2" />
    <path d="M8 9h8M8 13h8M8 17h5" />
  </Svg>
);

export const IconStar: IconComponent = (p) => (
  <Svg size={p.size}>
    <path d="M12 3.5l2.6 5.3 5.9.9-4.3 4.1 1 5.8-5.2-2.7-5.2 2.7 1-5.8-4.3-4.1 5.9-.9z" />
  </Svg>
);
export const IconHeart: IconComponent = (p) => (
  <Svg size={p.size}>
    <path d="M12 20s-7.5-4.6-7.5-10.2A4.3 4.3 0 0 1 12 7.3a4.3 4.3 0 0 1 7.5 2.5C19.5 15.4 12 20 12 20z" />
  </Svg>
);
export const IconSearch: IconComponent = (p) => (
  <Svg size={p.size}>
    <circle cx="10.5" cy="10.5" r="6" />
    <path d="M15 15l5 5" />
  </Svg>
);
export const IconReopen: IconComponent = (p) => (
  <Svg size={p.size}>
    <path d="M4 12a8 8 0 1 0 2.3-5.7M4 4v4h4" />
  </Svg>
);
export const IconTrash: IconComponent = (p) => (
  <Svg size={p.size}>
    <path d="M4 7h16M9 7V4.5h6V7M6.5 7l1 13h9l1-13" />
  </Svg>
);
