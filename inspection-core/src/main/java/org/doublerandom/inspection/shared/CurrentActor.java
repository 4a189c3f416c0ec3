package org.doublerandom.inspection.shared;

/** Port: the web layer tells the services who is acting (from the security context and the request). */
public interface CurrentActor {

	Actor get();

}
