/**
 * 一公开: what the public site shows of everything published — the item lists in force, the entity lookup
 * with the published draws a market entity was drawn in ("why me": its stratum, rank and the stratum's
 * cut-off), and the open-data rows. Only published records and only public fields of a target (name, credit
 * code, region, kind) ever leave this package; natural persons (特定人员) are never looked up.
 */
package org.doublerandom.inspection.disclosure;
