package org.doublerandom.inspection.item;

/** An 一业一册 booklet is compiled as a draft and then published to every department. */
public enum BookletStatus {

	DRAFT, PUBLISHED

}
