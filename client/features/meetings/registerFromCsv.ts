import { parseArea } from '../../../shared/area.ts';
import { parseCsv } from '../../../shared/csv.ts';
import type { EventFields } from '../../../shared/events/index.ts';
import type { UnitOwner } from '../../../shared/events/unit.ts';
import { unitKey } from '../../../shared/folds/units.ts';

export type UnitFields = EventFields<'unit.registered'>;

/** Why a line of the file was left out; words for each live in the catalogs. */
export type CsvProblemCode = 'unclosed_quote' | 'columns' | 'address' | 'area' | 'owners' | 'too_long' | 'duplicate';

export interface CsvProblem {
  /** 1-based line (row) of the file; 0 for the whole file. */
  line: number;
  code: CsvProblemCode;
}

export interface CsvRegister {
  units: UnitFields[];
  problems: CsvProblem[];
}

/** Several owners in one field: 王芳、李强 or 王芳;李强 or 王芳/李强. */
const ownerSeparators = /[、;；,，/]/;

/**
 * Reads a unit register from CSV: `building,unit,room,area_m2,owner names` (more owner columns
 * may follow). A header line is skipped. An owner name that exactly one member has becomes that
 * member; other names stay names. Lines that do not make a unit are reported, not guessed at.
 */
export function registerFromCsv(text: string, members: readonly { memberId: string; name: string }[]): CsvRegister {
  const rows = parseCsv(text);
  if (!rows) return { units: [], problems: [{ line: 0, code: 'unclosed_quote' }] };
  const byName = new Map<string, string | null>();
  for (const m of members) {
    const name = m.name.trim();
    byName.set(name, byName.has(name) ? null : m.memberId);
  }
  const owner = (name: string): UnitOwner => {
    const id = byName.get(name);
    return id ? { memberId: id } : { name };
  };
  const units: UnitFields[] = [];
  const problems: CsvProblem[] = [];
  const seen = new Set<string>();
  for (const [i, raw] of rows.entries()) {
    const cells = raw.map((c) => c.trim());
    if (i === 0 && isHeader(cells)) continue;
    const read = readUnit(cells, owner);
    const key = typeof read === 'string' ? undefined : unitKey(read);
    const code = typeof read === 'string' ? read : key && seen.has(key) ? 'duplicate' : undefined;
    if (code) problems.push({ line: i + 1, code });
    else if (key && typeof read !== 'string') {
      seen.add(key);
      units.push(read);
    }
  }
  return { units, problems };
}

/** One line's unit, or why it makes none. */
function readUnit(cells: readonly string[], owner: (name: string) => UnitOwner): UnitFields | CsvProblemCode {
  if (cells.length < 5) return 'columns';
  const [building = '', unit = '', room = '', areaText = ''] = cells;
  if (!building || !room) return 'address';
  if (building.length > 40 || unit.length > 20 || room.length > 20) return 'too_long';
  const area = parseArea(areaText);
  if (area === undefined || area > 100_000_000) return 'area';
  const names = [...new Set(cells.slice(4).flatMap((c) => c.split(ownerSeparators).map((n) => n.trim())))].filter(
    Boolean,
  );
  if (names.length === 0) return 'owners';
  if (names.length > 20 || names.some((n) => n.length > 60)) return 'too_long';
  return { building, ...(unit ? { unit } : {}), room, area, owners: names.map(owner) };
}

/** A first line naming columns instead of holding a unit: its area column is no number. */
function isHeader(cells: readonly string[]): boolean {
  return parseArea(cells[3] ?? '') === undefined && /building|room|area|楼|房|面积/i.test(cells.join(','));
}
