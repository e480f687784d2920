package se.radhus.meetings.domain;

/**
 * A yrkande made at the meeting.
 *
 * @param by    who made it
 * @param party their party
 * @param type  what for
 * @param text  the motion's wording, e.g. "bifall till arbetsutskottets förslag"
 */
public record Motion(String by, String party, MotionType type, String text) {

    /** What a motion is for. */
    public enum MotionType {
        BIFALL, AVSLAG, ANDRING, ATERREMISS, BORDLAGGNING
    }
}
