package org.doublerandom.inspection;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Gives the persistence slice tests a configuration root; the real application lives in inspection-web. */
@SpringBootApplication
class PersistenceTestApplication {

}
