package se.radhus.system;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** A test class against the whole suite, started once for the class (its own ports and data) and stopped after it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RunningSuite {

    Suite suite;

    @BeforeAll
    void startSuite() throws Exception {
        suite = new Suite();
        suite.startAll();
    }

    @AfterAll
    void closeSuite() throws Exception {
        if (suite != null) {
            suite.close();
        }
    }
}
