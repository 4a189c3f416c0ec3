/** Demo data for the embedded default run only; never loaded when a datasource is configured. */
package org.doublerandom.inspection.demo;
